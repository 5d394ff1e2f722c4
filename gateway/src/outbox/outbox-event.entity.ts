import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxEventType = 'upsert' | 'delete';

/** The indexed form of a video, as the search service receives it. */
export interface VideoDocumentPayload {
  title: string;
  description: string;
  tags: string[];
  duration: number;
  created_at: string;
  updated_at: string;
  /** Absent on events written before captions existed and on videos without captions. */
  captions?: Array<{ start_ms: number; end_ms: number; text: string }>;
  captions_language?: string;
}

@Entity({ name: 'outbox_events' })
export class OutboxEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  type: OutboxEventType;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  @Column({ name: 'video_id', type: 'integer' })
  videoId: number;

  /** The video's version after the change; the index ignores anything older than what it has. */
  @Column({ type: 'integer' })
  version: number;

  /** JSON of a VideoDocumentPayload for upserts; `{}` for deletes. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: Date, nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}

/** What the relay reads of an event: enough to send it and to record a failure. */
export type RelayedEvent = Pick<
  OutboxEvent,
  'id' | 'type' | 'ownerId' | 'videoId' | 'version' | 'payload' | 'attempts'
>;
