import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthenticatedUser, PERMISSIONS } from '../authenticated-user';
import { CredentialCache } from '../credentials/credential-cache';
import { Revocations } from '../credentials/revocations';
import { generateApiKey, hashApiKey, hashesMatch } from './api-key-secret';
import { ApiKeyUsageTracker } from './api-key-usage.tracker';
import { ApiKeyDto, ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto';
import { ApiKey } from './api-key.entity';
import { ApiKeysRepository } from './api-keys.repository';

/** What presenting a key came to: its caller, `expired` (a 401 of its own), or null (unknown or revoked). */
export type ApiKeyAuthentication = AuthenticatedUser | 'expired' | null;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly apiKeys: ApiKeysRepository,
    private readonly usage: ApiKeyUsageTracker,
    private readonly cache: CredentialCache,
    private readonly revocations: Revocations,
  ) {}

  async create(userId: number, dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const secret = generateApiKey();
    const apiKey = await this.apiKeys.create({
      id: randomUUID(),
      userId,
      name: dto.name,
      keyHash: secret.hash,
      prefix: secret.prefix,
      rateLimitPerMinute: dto.rate_limit_per_minute ?? null,
      dailyQuota: dto.daily_quota ?? null,
      monthlyQuota: dto.monthly_quota ?? null,
      // Kept in PERMISSIONS order, whatever order the request named them in.
      permissions: PERMISSIONS.filter((permission) => !dto.permissions || dto.permissions.includes(permission)),
      expiresAt: dto.expires_at ? new Date(dto.expires_at) : null,
    });
    return {
      api_key: secret.key,
      api_key_id: apiKey.id,
      name: apiKey.name,
      created_at: apiKey.createdAt.toISOString(),
      rate_limit_per_minute: apiKey.rateLimitPerMinute,
      daily_quota: apiKey.dailyQuota,
      monthly_quota: apiKey.monthlyQuota,
      permissions: apiKey.permissions,
      expires_at: apiKey.expiresAt ? apiKey.expiresAt.toISOString() : null,
    };
  }

  /** Live keys only, unless `includeRevoked`. */
  async list(userId: number, includeRevoked = false): Promise<ApiKeyListDto> {
    const apiKeys = await this.apiKeys.findByOwner(userId, { includeRevoked });
    return { api_keys: apiKeys.map((apiKey) => this.map(apiKey)) };
  }

  async get(userId: number, id: string): Promise<ApiKeyDto> {
    const apiKey = await this.apiKeys.findOwned(id, userId);
    if (!apiKey) {
      throw new NotFoundException('API key not found');
    }
    return this.map(apiKey);
  }

  /** The key's `expires_at`; null when it has none or is not the owner's. */
  async expiryOf(id: string, userId: number): Promise<Date | null> {
    return (await this.apiKeys.findOwned(id, userId))?.expiresAt ?? null;
  }

  /** Whether the owner's key is still live (not revoked); what a session opened with it rechecks. */
  async isActive(id: string, userId: number): Promise<boolean> {
    return (await this.apiKeys.findOwned(id, userId))?.isActive === true;
  }

  async revoke(userId: number, id: string): Promise<void> {
    if (!(await this.apiKeys.revoke(id, userId))) {
      throw new NotFoundException('API key not found');
    }
    await this.revocations.revoked(id);
  }

  /**
   * Resolves a presented key to its owner and permissions; null for unknown or revoked keys,
   * `expired` once its expires_at has passed. A key verified before is answered from memory while
   * this gateway hears every revocation and until its expiry; otherwise one lookup on the unique
   * hash index.
   */
  async authenticate(key: string): Promise<ApiKeyAuthentication> {
    const hash = hashApiKey(key);
    const cached = this.revocations.live ? this.cache.get(hash) : undefined;
    if (cached?.apiKeyId) {
      this.usage.recordUse(cached.apiKeyId);
      return cached;
    }
    const apiKey = await this.apiKeys.findActiveByHash(hash);
    if (!apiKey?.user || !hashesMatch(apiKey.keyHash, hash)) {
      return null;
    }
    if (apiKey.expiresAt && apiKey.expiresAt.getTime() <= Date.now()) {
      return 'expired';
    }
    this.usage.recordUse(apiKey.id);
    const caller: AuthenticatedUser = {
      id: apiKey.userId,
      email: apiKey.user.email,
      apiKeyId: apiKey.id,
      permissions: apiKey.permissions,
      forcedFilters: null,
    };
    this.cache.set(hash, caller, apiKey.expiresAt?.getTime());
    return caller;
  }

  private map(apiKey: ApiKey): ApiKeyDto {
    const lastUsedAt = latest(apiKey.lastUsedAt, this.usage.pendingUse(apiKey.id));
    return {
      id: apiKey.id,
      name: apiKey.name,
      is_active: apiKey.isActive,
      created_at: apiKey.createdAt.toISOString(),
      last_used_at: lastUsedAt ? lastUsedAt.toISOString() : null,
      prefix: apiKey.prefix,
      rate_limit_per_minute: apiKey.rateLimitPerMinute,
      daily_quota: apiKey.dailyQuota,
      monthly_quota: apiKey.monthlyQuota,
      permissions: apiKey.permissions,
      expires_at: apiKey.expiresAt ? apiKey.expiresAt.toISOString() : null,
      expired: apiKey.expiresAt !== null && apiKey.expiresAt.getTime() <= Date.now(),
      revoked_at: apiKey.revokedAt ? apiKey.revokedAt.toISOString() : null,
    };
  }
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) {
    return a ?? b;
  }
  return a > b ? a : b;
}
