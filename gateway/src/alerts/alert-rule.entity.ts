import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const ALERT_METRICS = ['error_rate', 'p95_latency_ms', 'quota_use'] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];
export type AlertState = 'ok' | 'firing';

/** A rule on one API key's traffic (or the user's JWT calls when apiKeyId is null). */
@Entity({ name: 'alert_rules' })
@Index('IDX_alert_rules_user', ['userId', 'createdAt'])
export class AlertRule {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @Column({ name: 'api_key_id', type: 'varchar', length: 36, nullable: true })
  apiKeyId: string | null;

  @Column({ type: 'varchar', length: 32 })
  metric: AlertMetric;

  /** Percent for error_rate and quota_use, milliseconds for p95_latency_ms; fires at or above it. */
  @Column({ type: 'double precision' })
  threshold: number;

  @Column({ name: 'window_minutes', type: 'integer' })
  windowMinutes: number;

  @Column({ type: 'varchar', length: 8 })
  state: AlertState;

  /** The metric at the last evaluation; null when the window held no request. */
  @Column({ name: 'last_value', type: 'double precision', nullable: true })
  lastValue: number | null;

  @Column({ name: 'last_evaluated_at', type: Date, nullable: true })
  lastEvaluatedAt: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
