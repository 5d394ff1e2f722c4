type OriginCallback = (error: Error | null, allow?: boolean) => void;

let allowedOrigins: readonly string[] = [];

/**
 * engine.io builds its CORS middleware once, from the gateway decorator's static options, which
 * cannot inject configuration. The decorator therefore gets this delegate, and the gateway hands
 * it the configured allow-list (CORS_ORIGINS, the same as the REST API) when it is constructed,
 * before Nest creates the Socket.IO server.
 */
export function useSocketCorsOrigins(origins: readonly string[]): void {
  allowedOrigins = origins;
}

export function socketCorsOrigin(origin: string | undefined, callback: OriginCallback): void {
  // Requests without an Origin header come from non-browser clients, which CORS does not concern.
  callback(null, origin === undefined || allowedOrigins.includes(origin));
}
