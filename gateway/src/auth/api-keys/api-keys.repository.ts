import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner';
import type { Permission } from '../authenticated-user';
import { ApiKey } from './api-key.entity';

export interface NewApiKey {
  id: string;
  userId: number;
  name: string;
  keyHash: string;
  prefix: string;
  rateLimitPerMinute: number | null;
  dailyQuota: number | null;
  monthlyQuota: number | null;
  permissions: Permission[];
  expiresAt: Date | null;
}

@Injectable()
export class ApiKeysRepository {
  constructor(
    @InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>,
    private readonly transactions: TransactionRunner,
  ) {}

  create(apiKey: NewApiKey): Promise<ApiKey> {
    return this.apiKeys.save(
      this.apiKeys.create({ ...apiKey, isActive: true, createdAt: new Date(), lastUsedAt: null, revokedAt: null }),
    );
  }

  /** One lookup on the unique hash index; only active keys, with the owner's e-mail. */
  findActiveByHash(keyHash: string): Promise<ApiKey | null> {
    return this.apiKeys.findOne({ where: { keyHash, isActive: true }, relations: { user: true } });
  }

  /** The owner's live (not revoked) keys, newest first; revoked ones too when asked. */
  findByOwner(userId: number, options: { includeRevoked?: boolean } = {}): Promise<ApiKey[]> {
    return this.apiKeys.find({
      where: options.includeRevoked ? { userId } : { userId, isActive: true },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  findOwned(id: string, userId: number): Promise<ApiKey | null> {
    return this.apiKeys.findOneBy({ id, userId });
  }

  /** Revokes an active key of this owner; false when there is none to revoke. */
  async revoke(id: string, userId: number): Promise<boolean> {
    const result = await this.apiKeys.update(
      { id, userId, isActive: true },
      { isActive: false, revokedAt: new Date() },
    );
    return (result.affected ?? 0) > 0;
  }

  async touchLastUsed(usages: ReadonlyMap<string, Date>): Promise<void> {
    await this.transactions.run(async (manager) => {
      for (const [id, usedAt] of usages) {
        await manager.update(ApiKey, { id }, { lastUsedAt: usedAt });
      }
    });
  }
}
