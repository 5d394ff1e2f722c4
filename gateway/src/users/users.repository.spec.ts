import type { Repository } from 'typeorm';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

describe('UsersRepository.findById', () => {
  const row = {
    id: 3,
    email: 'ada@example.com',
    name: 'Ada',
    password_hash: 'hash',
    created_at: '2026-12-01 10:00:00.000',
  };
  let query: jest.Mock;
  let sut: UsersRepository;

  beforeEach(() => {
    query = jest.fn();
    const driver = {
      escapeQueryWithParameters: (sql: string, parameters: object) => [sql, Object.values(parameters)],
      prepareHydratedValue: (raw: string) => new Date(`${raw.replace(' ', 'T')}Z`),
    };
    const users = {
      manager: { connection: { driver, options: { type: 'better-sqlite3' } }, query },
      metadata: { findColumnWithPropertyName: () => ({ propertyName: 'createdAt' }) },
    } as unknown as Repository<User>;
    sut = new UsersRepository(users);
  });

  it('reads a profile from the database once, then answers from memory', async () => {
    query.mockResolvedValue([row]);

    const first = await sut.findById(3);
    const second = await sut.findById(3);

    expect(second).toBe(first);
    expect(first).toMatchObject({ id: 3, email: 'ada@example.com', name: 'Ada' });
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('asks again for an id it did not find', async () => {
    query.mockResolvedValueOnce([]).mockResolvedValueOnce([row]);

    await expect(sut.findById(3)).resolves.toBeNull();
    await expect(sut.findById(3)).resolves.toMatchObject({ id: 3 });
  });
});
