import { TEST_WEBHOOKS_CONFIG } from './__fixtures__/webhooks-config';
import type { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import type { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import type { WebhookEndpoint } from './webhook-endpoint.entity';
import type { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { sendWebhook } from './webhook-sender';
import { WebhooksService } from './webhooks.service';

jest.mock('./webhook-sender', () => ({ sendWebhook: jest.fn() }));

/** The deliveries table in memory, with the repository's conditional claim. */
class InMemoryDeliveries {
  readonly rows = new Map<number, WebhookDelivery>();
  /** Runs right after each insert, where a poller of any gateway may look for due rows. */
  afterInsert: (row: WebhookDelivery) => Promise<void> = () => Promise.resolve();

  async insert(row: Omit<WebhookDelivery, 'id'>): Promise<WebhookDelivery> {
    const stored: WebhookDelivery = { ...row, id: this.rows.size + 1 };
    this.rows.set(stored.id, stored);
    await this.afterInsert(stored);
    return { ...stored };
  }

  claim(id: number, now: Date, until: Date): Promise<boolean> {
    const row = this.rows.get(id);
    const free = row?.status === 'pending' && (row.claimedUntil === null || row.claimedUntil < now);
    if (free) {
      row.claimedUntil = until;
    }
    return Promise.resolve(free);
  }

  findById(id: number): Promise<WebhookDelivery | null> {
    const row = this.rows.get(id);
    return Promise.resolve(row ? { ...row } : null);
  }

  record(id: number, changes: Partial<WebhookDelivery>): Promise<void> {
    Object.assign(this.rows.get(id) as WebhookDelivery, changes, { claimedUntil: null });
    return Promise.resolve();
  }
}

describe('WebhooksService', () => {
  const config = TEST_WEBHOOKS_CONFIG;
  const endpoint = {
    id: 2,
    ownerId: 1,
    url: 'http://127.0.0.1:1/h',
    secret: 'whsec_a',
    previousSecret: null,
    previousSecretExpiresAt: null,
    events: null,
  } as unknown as WebhookEndpoint;
  let deliveries: InMemoryDeliveries;
  let dispatcher: WebhookDispatcherService;
  let sut: WebhooksService;

  beforeEach(() => {
    (sendWebhook as jest.Mock).mockReset().mockResolvedValue({ statusCode: 200, body: 'ok', error: null });
    deliveries = new InMemoryDeliveries();
    const endpoints = {
      findOwned: jest.fn().mockResolvedValue(endpoint),
      findById: jest.fn().mockResolvedValue(endpoint),
    } as unknown as WebhookEndpointsRepository;
    const repository = deliveries as unknown as WebhookDeliveriesRepository;
    dispatcher = new WebhookDispatcherService(repository, endpoints, config);
    sut = new WebhooksService(endpoints, repository, dispatcher, config);
  });

  it('answers a test ping as attempted even when a poller looks for due rows right after the insert', async () => {
    let pollerWon: boolean | undefined;
    deliveries.afterInsert = async (row) => {
      const now = new Date();
      pollerWon = await deliveries.claim(row.id, now, dispatcher.claimLease(now));
    };

    const answer = await sut.test(1, '2');

    expect(pollerWon).toBe(false);
    expect(answer).toMatchObject({ event: 'ping', status: 'succeeded', attempts: 1, response_code: 200 });
    expect(sendWebhook).toHaveBeenCalledTimes(1);
    expect(deliveries.rows.get(1)?.claimedUntil).toBeNull();
  });
});
