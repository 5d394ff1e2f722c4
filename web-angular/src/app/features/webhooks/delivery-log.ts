import { DeliveryStatus, WebhookDelivery } from './webhook.types';

export const DELIVERY_PAGE_SIZE = 20;
/** The API's largest page: a refresh re-reads at most this many of the newest deliveries. */
const MAX_PAGE_SIZE = 100;

/** What a person reads for a delivery; `pending` after an attempt means the receiver refused it and a retry waits. */
export function deliveryLabel(delivery: Pick<WebhookDelivery, 'status' | 'attempts'>): string {
  const labels: Record<DeliveryStatus, string> = { pending: 'Pending', succeeded: 'Delivered', failed: 'Failed' };
  return delivery.status === 'pending' && delivery.attempts > 0 ? 'Retrying' : labels[delivery.status];
}

export function hasPending(deliveries: readonly WebhookDelivery[]): boolean {
  return deliveries.some((delivery) => delivery.status === 'pending');
}

/** An older page appended below the loaded ones; a delivery already shown (the log moved meanwhile) is kept once. */
export function appendOlder(loaded: readonly WebhookDelivery[], older: readonly WebhookDelivery[]): WebhookDelivery[] {
  const seen = new Set(loaded.map((delivery) => delivery.id));
  return [...loaded, ...older.filter((delivery) => !seen.has(delivery.id))];
}

/** A refresh re-reads the newest deliveries, as many as are loaded, so "Load more" pages stay in view. */
export function refreshLimit(loadedCount: number): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(DELIVERY_PAGE_SIZE, loadedCount));
}

export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** The receiver's answer pretty-printed when it is JSON, as stored otherwise. */
export function prettyBody(body: string): string {
  try {
    return prettyJson(JSON.parse(body));
  } catch {
    return body;
  }
}
