import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { authConfig, AuthConfig } from '../auth.config';
import type { AuthenticatedUser } from '../authenticated-user';

/**
 * Credentials already verified: JWTs by their text (until the sooner of their expiry and the TTL)
 * and API keys by their SHA-256 hash. Bounded (least recently used go first), so a flood of
 * distinct tokens costs memory no more than CREDENTIAL_CACHE_MAX entries. Only valid credentials
 * are kept: an unknown key is looked up again every time and never fills the cache.
 */
@Injectable()
export class CredentialCache {
  private readonly entries: LRUCache<string, AuthenticatedUser> | null;

  constructor(@Inject(authConfig.KEY) private readonly config: AuthConfig) {
    this.entries =
      config.credentialCacheMax > 0 && config.credentialCacheTtlMs > 0
        ? new LRUCache({ max: config.credentialCacheMax, ttl: config.credentialCacheTtlMs })
        : null;
  }

  get(credential: string): AuthenticatedUser | undefined {
    return this.entries?.get(credential);
  }

  /** `expiresAt` (epoch ms) bounds the entry's life below the TTL, e.g. a JWT's `exp`. */
  set(credential: string, caller: AuthenticatedUser, expiresAt?: number): void {
    const ttl =
      expiresAt === undefined ? undefined : Math.min(expiresAt - Date.now(), this.config.credentialCacheTtlMs);
    if (ttl === undefined || ttl > 0) {
      this.entries?.set(credential, caller, { ttl });
    }
  }

  /** Drops every entry of this API key (revoked here or on another gateway). */
  evictApiKey(apiKeyId: string): void {
    if (!this.entries) {
      return;
    }
    for (const [credential, caller] of this.entries.entries()) {
      if (caller.apiKeyId === apiKeyId) {
        this.entries.delete(credential);
      }
    }
  }

  /** After a gap in the revocation feed nothing cached for an API key can be trusted. */
  evictAllApiKeys(): void {
    if (!this.entries) {
      return;
    }
    for (const [credential, caller] of this.entries.entries()) {
      if (caller.apiKeyId !== null) {
        this.entries.delete(credential);
      }
    }
  }
}
