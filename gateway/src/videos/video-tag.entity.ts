import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Video } from './video.entity';

/** One row per tag, so filtering by tag is an exact, indexed match rather than a text search. */
@Entity({ name: 'video_tags' })
export class VideoTag {
  @PrimaryColumn({ name: 'video_id', type: 'integer' })
  videoId: number;

  @PrimaryColumn({ type: 'varchar', length: 50 })
  tag: string;

  /** Keeps the order the client gave. */
  @Column({ type: 'integer' })
  position: number;

  @ManyToOne(() => Video, (video) => video.tagRows, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'video_id' })
  video?: Video;
}
