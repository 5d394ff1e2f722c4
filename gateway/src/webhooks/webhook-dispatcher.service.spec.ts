import { setTimeout } from 'node:timers/promises';
import { currentRequestScope, runInRequestScope } from '../observability/logging/request-id';
import { TEST_WEBHOOKS_CONFIG } from './__fixtures__/webhooks-config';
import type { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import type { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import type { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { sendWebhook } from './webhook-sender';

jest.mock('./webhook-sender', () => ({ sendWebhook: jest.fn() }));

describe('WebhookDispatcherService', () => {
  const config = TEST_WEBHOOKS_CONFIG;
  const send = sendWebhook as jest.MockedFunction<typeof sendWebhook>;
  let deliveries: jest.Mocked<Pick<WebhookDeliveriesRepository, 'claim' | 'findById' | 'record'>>;
  let sut: WebhookDispatcherService;
  const delivery = (changes: Partial<WebhookDelivery> = {}): WebhookDelivery =>
    ({
      id: 1,
      endpointId: 2,
      eventId: 'evt_1',
      payload: '{"id":"evt_1"}',
      status: 'pending',
      attempts: 0,
      firstAttemptAt: null,
      ...changes,
    }) as WebhookDelivery;

  beforeEach(() => {
    send.mockReset();
    deliveries = { claim: jest.fn().mockResolvedValue(true), findById: jest.fn(), record: jest.fn() };
    const endpoints = {
      findById: jest.fn().mockResolvedValue({
        id: 2,
        url: 'http://127.0.0.1:1/h',
        secret: 'whsec_new',
        previousSecret: 'whsec_old',
        previousSecretExpiresAt: new Date(Date.now() + 60_000),
      }),
    };
    sut = new WebhookDispatcherService(
      deliveries as unknown as WebhookDeliveriesRepository,
      endpoints as unknown as WebhookEndpointsRepository,
      config,
    );
  });

  it("runs the cycles a request nudged outside that request's scope", async () => {
    const scopes: unknown[] = [];
    const withDue = deliveries as unknown as { findDueIds: jest.Mock };
    withDue.findDueIds = jest.fn(() => {
      scopes.push(currentRequestScope());
      return Promise.resolve([]);
    });
    sut.onApplicationBootstrap();
    await setTimeout(10);

    runInRequestScope({ requestId: 'req-1', upstreamMs: 0 }, () => sut.nudge());
    await setTimeout(20);
    await sut.beforeApplicationShutdown();

    expect(scopes).toEqual([undefined, undefined]);
  });

  it('records a 2xx as succeeded, signed with the current and the previous secret', async () => {
    deliveries.findById.mockResolvedValue(delivery());
    send.mockResolvedValue({ statusCode: 204, body: '', error: null });
    await sut.claimAndDeliver(1);
    const headers = send.mock.calls[0][1];
    expect(headers['Webhook-Signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(deliveries.record).toHaveBeenCalledWith(1, expect.objectContaining({ status: 'succeeded', attempts: 1 }));
  });

  it('schedules a retry within the window, then fails the delivery once the window has passed', async () => {
    deliveries.findById.mockResolvedValue(delivery({ attempts: 2, firstAttemptAt: new Date() }));
    send.mockResolvedValue({ statusCode: 500, body: 'no', error: null });
    await sut.claimAndDeliver(1);
    expect(deliveries.record).toHaveBeenLastCalledWith(
      1,
      expect.objectContaining({ status: 'pending', attempts: 3, responseCode: 500, nextAttemptAt: expect.any(Date) }),
    );

    deliveries.findById.mockResolvedValue(delivery({ attempts: 5, firstAttemptAt: new Date(Date.now() - 59_000) }));
    send.mockResolvedValue({ statusCode: null, body: null, error: 'connect ECONNREFUSED' });
    await sut.claimAndDeliver(1);
    expect(deliveries.record).toHaveBeenLastCalledWith(
      1,
      expect.objectContaining({
        status: 'failed',
        attempts: 6,
        lastError: 'connect ECONNREFUSED',
        nextAttemptAt: null,
      }),
    );
  });

  it('leaves a delivery another dispatcher claimed', async () => {
    deliveries.claim.mockResolvedValue(false);
    expect(await sut.claimAndDeliver(1)).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });
});
