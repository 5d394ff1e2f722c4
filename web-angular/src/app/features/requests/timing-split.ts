import type { RequestTimingDto } from '@video-search/sdk/angular';

/** Each side's share of the bar, 0..1; a request of 0 ms still draws a full gateway bar rather than nothing. */
export function timingSplit(timing: RequestTimingDto): { gatewayShare: number; searchShare: number } {
  const search = timing.search_service_ms ?? 0;
  const total = timing.gateway_ms + search;
  if (total <= 0) {
    return { gatewayShare: 1, searchShare: 0 };
  }
  return { gatewayShare: timing.gateway_ms / total, searchShare: search / total };
}
