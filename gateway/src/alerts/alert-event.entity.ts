import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertMetric } from './alert-rule.entity';

/** A rule starting or stopping to fire. */
@Entity({ name: 'alert_events' })
@Index('IDX_alert_events_user', ['userId', 'id'])
export class AlertEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'rule_id', type: 'varchar', length: 36 })
  ruleId: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @Column({ name: 'api_key_id', type: 'varchar', length: 36, nullable: true })
  apiKeyId: string | null;

  @Column({ type: 'varchar', length: 32 })
  metric: AlertMetric;

  @Column({ type: 'varchar', length: 8 })
  state: 'firing' | 'resolved';

  @Column({ type: 'double precision', nullable: true })
  value: number | null;

  @Column({ type: 'double precision' })
  threshold: number;

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'occurred_at' })
  occurredAt: Date;
}
