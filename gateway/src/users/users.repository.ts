import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { Repository } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { columnOf, hydrateDate, queryNamed } from '../database/named-sql';
import { User } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
}

/**
 * The API never updates or deletes a user row, so a profile once read stays true: `GET /auth/me` answers from
 * memory instead of a database round trip per call (on PostgreSQL, the most of that route's cost). The TTL bounds
 * how long an operator's edit straight in the database could go unseen.
 */
const PROFILE_CACHE_MAX = 10_000;
const PROFILE_CACHE_TTL_MS = 60_000;

interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  created_at: unknown;
}

@Injectable()
export class UsersRepository {
  private readonly createdAt: ColumnMetadata;
  private readonly profiles = new LRUCache<number, User>({ max: PROFILE_CACHE_MAX, ttl: PROFILE_CACHE_TTL_MS });

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {
    this.createdAt = columnOf(users, 'createdAt');
  }

  /** Read on every `GET /auth/me`. */
  async findById(id: number): Promise<User | null> {
    const cached = this.profiles.get(id);
    if (cached) {
      return cached;
    }
    const user = await this.readById(id);
    if (user) {
      this.profiles.set(id, user);
    }
    return user;
  }

  /** Plain SQL: the query builder costs more than the primary-key read. */
  private async readById(id: number): Promise<User | null> {
    const [row] = await queryNamed<UserRow[]>(
      this.users.manager,
      'SELECT id, email, name, password_hash, created_at FROM users WHERE id = :id',
      { id },
    );
    if (!row) {
      return null;
    }
    return Object.assign(new User(), {
      id: Number(row.id),
      email: row.email,
      name: row.name,
      passwordHash: row.password_hash,
      createdAt: hydrateDate(this.users.manager, this.createdAt, row.created_at),
    });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email });
  }

  create(user: NewUser): Promise<User> {
    return this.users.save(this.users.create({ ...user, createdAt: new Date() }));
  }
}
