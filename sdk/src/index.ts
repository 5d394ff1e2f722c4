/// <reference lib="dom" />
/**
 * @video-search/sdk: a typed client for the Video Search Platform API. The operations and models in
 * ./generated are generated from the gateway's OpenAPI document by @hey-api/openapi-ts
 * (`npm run sdk:generate`); this entry only adds createClient() and re-exports them.
 */
import { createConfig, createClient as createFetchClient, type Client } from './generated/client';

export * from './generated';
export type { Client } from './generated/client';

export interface ClientOptions {
  /** Where the gateway answers, e.g. `https://api.example.com` (without `/api/v1`). */
  baseUrl: string;
  /** An API key (`imaginario_live_…`) or, instead, a JWT from /auth/login. */
  apiKey?: string;
  token?: string;
  /** A fetch implementation other than the global one. */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/**
 * A client bound to one gateway and one credential. Pass it as `client` to any operation:
 * `await videosControllerList({ client, path: { userId } })` resolves to `{ data, error, response }`,
 * where `error` is the gateway's `{ error: "..." }` for a 4xx or 5xx.
 */
export function createClient(options: ClientOptions): Client {
  const credential = options.apiKey ?? options.token;
  return createFetchClient(
    createConfig({
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      auth: credential,
      headers: options.headers,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
  );
}

/** The message of an `{ error }` answer, or of anything else thrown. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'error' in error && typeof error.error === 'string') {
    return error.error;
  }
  return error instanceof Error ? error.message : String(error);
}
