import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { authConfig, AuthConfig } from '../auth.config';
import type { AuthenticatedUser } from '../authenticated-user';

interface Entry {
  caller: AuthenticatedUser;
  /** The credential's own expiry (epoch ms), checked on every read; null: none. */
  expiresAt: number | null;
}

/**
 * Credentials already verified: JWTs by their text (until the sooner of their expiry and the TTL)
 * and API keys by their SHA-256 hash. Bounded (least recently used go first), so a flood of
 * distinct tokens costs memory no more than CREDENTIAL_CACHE_MAX entries. Only valid credentials
 * are kept: an unknown key is looked up again every time and never fills the cache. An entry keeps
 * its credential's expiry and is never answered past it, so an expired key or token is looked up
 * (and refused) again rather than let through from memory.
 */
@Injectable()
export class CredentialCache {
  private readonly entries: LRUCache<string, Entry> | null;

  constructor(@Inject(authConfig.KEY) private readonly config: AuthConfig) {
    this.entries =
      config.credentialCacheMax > 0 && config.credentialCacheTtlMs > 0
        ? new LRUCache({ max: config.credentialCacheMax, ttl: config.credentialCacheTtlMs })
        : null;
  }

  get(credential: string): AuthenticatedUser | undefined {
    const entry = this.entries?.get(credential);
    if (!entry) {
      return undefined;
    }
    if (entry.expiresAt !== null && Date.now() >= entry.expiresAt) {
      this.entries?.delete(credential);
      return undefined;
    }
    return entry.caller;
  }

  /** `expiresAt` (epoch ms) bounds the entry's life below the TTL, e.g. a JWT's `exp` or a key's `expires_at`. */
  set(credential: string, caller: AuthenticatedUser, expiresAt?: number | null): void {
    const until = expiresAt ?? null;
    const ttl = until === null ? undefined : Math.min(until - Date.now(), this.config.credentialCacheTtlMs);
    if (ttl === undefined || ttl > 0) {
      this.entries?.set(credential, { caller, expiresAt: until }, { ttl });
    }
  }

  /** Drops every entry of this API key (revoked here or on another gateway). */
  evictApiKey(apiKeyId: string): void {
    this.evictWhere((caller) => caller.apiKeyId === apiKeyId);
  }

  /** After a gap in the revocation feed nothing cached for an API key can be trusted. */
  evictAllApiKeys(): void {
    this.evictWhere((caller) => caller.apiKeyId !== null);
  }

  private evictWhere(matches: (caller: AuthenticatedUser) => boolean): void {
    if (!this.entries) {
      return;
    }
    for (const [credential, entry] of this.entries.entries()) {
      if (matches(entry.caller)) {
        this.entries.delete(credential);
      }
    }
  }
}
