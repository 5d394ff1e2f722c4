import { appendOlder, DELIVERY_PAGE_SIZE, deliveryLabel, hasPending, prettyBody, refreshLimit } from './delivery-log';
import { WebhookDelivery } from './webhook.types';

function delivery(id: number, overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id,
    event: 'job.completed',
    status: 'succeeded',
    attempts: 1,
    created_at: '2026-12-04T10:00:00.000Z',
    delivered_at: '2026-12-04T10:00:01.000Z',
    next_attempt_at: null,
    last_error: null,
    payload: {},
    response_body: null,
    response_code: 200,
    ...overrides,
  };
}

describe('delivery log', () => {
  it('calls a refused delivery waiting for its retry "Retrying", and one never tried "Pending"', () => {
    expect(deliveryLabel({ status: 'pending', attempts: 0 })).toBe('Pending');
    expect(deliveryLabel({ status: 'pending', attempts: 2 })).toBe('Retrying');
    expect(deliveryLabel({ status: 'succeeded', attempts: 1 })).toBe('Delivered');
    expect(deliveryLabel({ status: 'failed', attempts: 12 })).toBe('Failed');
  });

  it('knows when a page still has deliveries on their way', () => {
    expect(hasPending([delivery(1), delivery(2, { status: 'failed' })])).toBe(false);
    expect(hasPending([delivery(1), delivery(2, { status: 'pending' })])).toBe(true);
  });

  it('appends an older page once per delivery when the log moved between the two reads', () => {
    const merged = appendOlder([delivery(5), delivery(4)], [delivery(4), delivery(3)]);
    expect(merged.map((entry) => entry.id)).toEqual([5, 4, 3]);
  });

  it('refreshes as many of the newest deliveries as are loaded, within the API page bounds', () => {
    expect(refreshLimit(0)).toBe(DELIVERY_PAGE_SIZE);
    expect(refreshLimit(60)).toBe(60);
    expect(refreshLimit(500)).toBe(100);
  });

  it('pretty-prints a JSON answer and keeps any other one as the receiver sent it', () => {
    expect(prettyBody('{"ok":true}')).toBe('{\n  "ok": true\n}');
    expect(prettyBody('<html>thanks</html>')).toBe('<html>thanks</html>');
  });
});
