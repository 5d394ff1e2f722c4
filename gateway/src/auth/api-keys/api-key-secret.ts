import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Clients and secret scanners recognise keys by this prefix. */
export const API_KEY_PREFIX = 'imaginario_live_';

// 32 random bytes = 256 bits of entropy, far beyond brute force; base64url keeps the key URL- and header-safe.
const SECRET_BYTES = 32;
const DISPLAY_CHARS = 8;

export interface GeneratedApiKey {
  key: string;
  hash: string;
  prefix: string;
}

export function generateApiKey(): GeneratedApiKey {
  const key = API_KEY_PREFIX + randomBytes(SECRET_BYTES).toString('base64url');
  return { key, hash: hashApiKey(key), prefix: key.slice(0, API_KEY_PREFIX.length + DISPLAY_CHARS) };
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function hashesMatch(expectedHex: string, actualHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  const actual = Buffer.from(actualHex, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
