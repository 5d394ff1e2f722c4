import { Inject, Injectable } from '@nestjs/common';
import { authConfig, type AuthConfig } from '@search/config/auth.config';
import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

@Injectable()
export class ServiceTokenVerifier {
  private readonly expected: Buffer;

  constructor(@Inject(authConfig.KEY) config: AuthConfig) {
    this.expected = digest(config.serviceToken);
  }

  /** Hashing first gives equal-length buffers, so neither the content nor the length of the token leaks through timing. */
  matches(candidate: string | undefined): boolean {
    if (candidate === undefined) {
      return false;
    }
    return timingSafeEqual(digest(candidate), this.expected);
  }
}
