import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An owner's number of videos and list revision, changed in the transaction of every write that affects a list. */
@Entity({ name: 'video_counts' })
export class VideoCount {
  @PrimaryColumn({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  @Column({ type: 'integer', default: 0 })
  total: number;

  /** Goes up with every create, delete and change of a sorted field. */
  @Column({ type: 'integer', default: 0 })
  revision: number;

  /** Goes up with every write to any of the owner's videos: whatever a list page shows may have changed. */
  @Column({ name: 'content_revision', type: 'integer', default: 0 })
  contentRevision: number;
}
