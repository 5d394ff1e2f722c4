import type { Repository } from 'typeorm';
import type { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

describe('WebhookEndpointsRepository.isSubscribed', () => {
  let rows: Pick<WebhookEndpoint, 'events'>[];
  let find: jest.Mock;
  let sut: WebhookEndpointsRepository;

  beforeEach(() => {
    rows = [];
    find = jest.fn(() => Promise.resolve(rows));
    const endpoints = {
      find,
      create: (row: object) => row,
      save: (row: object) => Promise.resolve({ id: 1, ...row }),
      delete: () => Promise.resolve({ affected: 1 }),
    } as unknown as Repository<WebhookEndpoint>;
    sut = new WebhookEndpointsRepository(endpoints);
  });

  const endpoint = (events: string[]) =>
    ({ ownerId: 7, url: 'https://example.com', events: JSON.stringify(events) }) as Omit<WebhookEndpoint, 'id'>;

  it('answers from the database once, then from memory', async () => {
    rows = [{ events: '["job.completed"]' }];

    await expect(sut.isSubscribed(7, 'job.completed')).resolves.toBe(true);
    await expect(sut.isSubscribed(7, 'job.failed')).resolves.toBe(false);

    expect(find).toHaveBeenCalledTimes(1);
  });

  it('sees an endpoint created or deleted here at once', async () => {
    await expect(sut.isSubscribed(7, 'job.completed')).resolves.toBe(false);

    rows = [{ events: '["job.completed"]' }];
    await sut.create(endpoint(['job.completed']));
    await expect(sut.isSubscribed(7, 'job.completed')).resolves.toBe(true);

    rows = [];
    await sut.delete(7, 1);
    await expect(sut.isSubscribed(7, 'job.completed')).resolves.toBe(false);
  });

  it('does not keep an answer read while an endpoint was being created', async () => {
    let answer!: (found: typeof rows) => void;
    find.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const racing = sut.isSubscribed(7, 'job.completed');
    await sut.create(endpoint(['job.completed']));
    answer([]);
    await expect(racing).resolves.toBe(false);

    rows = [{ events: '["job.completed"]' }];
    await expect(sut.isSubscribed(7, 'job.completed')).resolves.toBe(true);
  });
});
