import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'webhook_endpoints' })
export class WebhookEndpoint {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  @Column({ type: 'text' })
  url: string;

  /** JSON array of subscribed event types. */
  @Column({ type: 'text' })
  events: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 128 })
  secret: string;

  /** The secret before the last rotation; still signs until previousSecretExpiresAt. */
  @Column({ name: 'previous_secret', type: 'varchar', length: 128, nullable: true })
  previousSecret: string | null;

  @Column({ name: 'previous_secret_expires_at', type: Date, nullable: true })
  previousSecretExpiresAt: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
