/** One API request as the request log records it. */
export interface RequestLogEntry {
  occurredAt: Date;
  /** Null when the caller was not authenticated (401s, public routes, unmatched paths). */
  userId: number | null;
  apiKeyId: string | null;
  method: string;
  /** The matched route template, never the raw path. */
  route: string;
  status: number;
  latencyMs: number;
  /** The id the answer carried in X-Request-Id. */
  requestId: string;
  /** Time spent in calls to the search service; null when the request never reached a handler. */
  upstreamMs: number | null;
}

export function isErrorStatus(status: number): boolean {
  return status >= 400;
}
