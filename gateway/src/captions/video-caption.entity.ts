import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A video's captions: at most one set per video, replaced as a whole. */
@Entity({ name: 'video_captions' })
export class VideoCaption {
  @PrimaryColumn({ name: 'video_id', type: 'integer' })
  videoId: number;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  /** BCP 47 tag, or '' when the uploader did not say. */
  @Column({ type: 'varchar', length: 35, default: '' })
  language: string;

  /** The format the captions were uploaded in: 'vtt' or 'srt'. */
  @Column({ type: 'varchar', length: 8 })
  format: string;

  @Column({ name: 'cue_count', type: 'integer' })
  cueCount: number;

  /** The last cue's end. */
  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;

  /** JSON array of [start_ms, end_ms, text] in start order; read only as a whole, so one column. */
  @Column({ type: 'text' })
  cues: string;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
