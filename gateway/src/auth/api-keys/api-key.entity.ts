import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/user.entity';
import type { Permission } from '../authenticated-user';

/** Stored as comma-separated names: `search,videos:read`. */
const permissionList = {
  to: (permissions: readonly Permission[]): string => permissions.join(','),
  from: (stored: string): Permission[] => (stored ? (stored.split(',') as Permission[]) : []),
};

@Entity({ name: 'api_keys' })
export class ApiKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** SHA-256 (hex) of the full key; the key itself is never stored. */
  @Column({ name: 'key_hash', type: 'varchar', length: 64, unique: true })
  keyHash: string;

  /** The key's first characters, enough for a person to recognise it in a list. */
  @Column({ type: 'varchar', length: 32 })
  prefix: string;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  @Column({ name: 'rate_limit_per_minute', type: 'integer', nullable: true })
  rateLimitPerMinute: number | null;

  @Column({ name: 'daily_quota', type: 'integer', nullable: true })
  dailyQuota: number | null;

  @Column({ name: 'monthly_quota', type: 'integer', nullable: true })
  monthlyQuota: number | null;

  /** What the key may do, in PERMISSIONS order. */
  @Column({ type: 'varchar', length: 200, transformer: permissionList })
  permissions: Permission[];

  /** After this instant the key no longer authenticates (401 `API key expired`); null: never. */
  @Column({ name: 'expires_at', type: Date, nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: Date, nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt: Date | null;
}
