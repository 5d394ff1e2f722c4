import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { VideoTag } from './video-tag.entity';

@Entity({ name: 'videos' })
export class Video {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The title as the case-insensitive sort and text filter compare it; written with every title. */
  @Column({ name: 'title_lower', type: 'text' })
  titleLower: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Seconds. */
  @Column({ type: 'integer', default: 0 })
  duration: number;

  /** Incremented on every change; orders index updates for the search service. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;

  @OneToMany(() => VideoTag, (tag) => tag.video)
  tagRows?: VideoTag[];
}
