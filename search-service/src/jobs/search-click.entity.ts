import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One opened result of a search job; a job may have several (or the same result opened twice). */
@Entity('search_clicks')
@Index('idx_search_clicks_owner_job', ['ownerId', 'jobId'])
export class SearchClickEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id?: number;

  @Column({ name: 'job_id', type: 'varchar', length: 36 })
  jobId: string;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  @Column({ name: 'video_id', type: 'integer' })
  videoId: number;

  /** 1-based rank of the result in the page the user saw. */
  @Column({ type: 'integer' })
  position: number;

  /** ISO 8601 UTC. */
  @Column({ name: 'clicked_at', type: 'varchar', length: 32 })
  clickedAt: string;
}
