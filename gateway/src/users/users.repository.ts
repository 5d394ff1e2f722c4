import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { columnOf, hydrateDate, queryNamed } from '../database/named-sql';
import { User } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
}

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

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {
    this.createdAt = columnOf(users, 'createdAt');
  }

  /** Read on every `GET /auth/me`: plain SQL, as the query builder costs more than the primary-key read. */
  async findById(id: number): Promise<User | null> {
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
