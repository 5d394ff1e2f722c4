import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, LessThan, Repository } from 'typeorm';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';

@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>) {}

  insert(row: Omit<WebhookDelivery, 'id'>): Promise<WebhookDelivery> {
    return this.deliveries.save(this.deliveries.create(row));
  }

  findOne(endpointId: number, id: number): Promise<WebhookDelivery | null> {
    return this.deliveries.findOneBy({ endpointId, id });
  }

  /** Deletes up to `limit` finished deliveries created before `cutoff`, oldest first; pending ones stay. */
  async pruneFinished(cutoff: Date, limit: number): Promise<number> {
    const oldest = this.deliveries
      .createQueryBuilder('d')
      .select('d.id')
      .where("d.status <> 'pending' AND d.created_at < :cutoff")
      .orderBy('d.id', 'ASC')
      .limit(limit);
    const result = await this.deliveries
      .createQueryBuilder()
      .delete()
      .where(`id IN (${oldest.getQuery()})`)
      .setParameters({ cutoff })
      .execute();
    return result.affected ?? 0;
  }

  findById(id: number): Promise<WebhookDelivery | null> {
    return this.deliveries.findOneBy({ id });
  }

  /** The newest delivery of each endpoint that has one, in one read along the (endpoint_id, id) index. */
  async newestOf(endpointIds: number[]): Promise<Map<number, WebhookDelivery>> {
    if (endpointIds.length === 0) {
      return new Map();
    }
    const newest = this.deliveries
      .createQueryBuilder('n')
      .select('MAX(n.id)')
      .where('n.endpoint_id IN (:...endpointIds)')
      .groupBy('n.endpoint_id');
    const rows = await this.deliveries
      .createQueryBuilder('d')
      .where(`d.id IN (${newest.getQuery()})`)
      .setParameters({ endpointIds })
      .getMany();
    return new Map(rows.map((row) => [row.endpointId, row]));
  }

  /** Newest first, ids below the cursor. */
  list(
    endpointId: number,
    limit: number,
    beforeId?: number,
    status?: WebhookDeliveryStatus,
  ): Promise<WebhookDelivery[]> {
    return this.deliveries.find({
      where: {
        endpointId,
        ...(beforeId !== undefined ? { id: LessThan(beforeId) } : {}),
        ...(status ? { status } : {}),
      },
      order: { id: 'DESC' },
      take: limit,
    });
  }

  /** Ids of pending deliveries that are due and not claimed (or whose claim went stale). */
  async findDueIds(now: Date, limit: number): Promise<number[]> {
    const rows = await this.deliveries
      .createQueryBuilder('d')
      .select('d.id', 'id')
      .where('d.status = :status', { status: 'pending' })
      .andWhere('d.next_attempt_at <= :now', { now })
      .andWhere(new Brackets((qb) => qb.where('d.claimed_until IS NULL').orWhere('d.claimed_until < :now', { now })))
      .orderBy('d.next_attempt_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number }>();
    return rows.map((row) => Number(row.id));
  }

  /** Conditional update: only one dispatcher (of any gateway) wins a due delivery. */
  async claim(id: number, now: Date, until: Date): Promise<boolean> {
    const result = await this.deliveries
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({ claimedUntil: until })
      .where('id = :id', { id })
      .andWhere('status = :status', { status: 'pending' })
      .andWhere(new Brackets((qb) => qb.where('claimed_until IS NULL').orWhere('claimed_until < :now', { now })))
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async record(id: number, changes: Partial<WebhookDelivery>): Promise<void> {
    await this.deliveries.update({ id }, { ...changes, claimedUntil: null });
  }

  async resetForRedelivery(id: number, now: Date): Promise<void> {
    await this.deliveries.update(
      { id },
      { status: 'pending', attempts: 0, nextAttemptAt: now, firstAttemptAt: null, claimedUntil: null, lastError: null },
    );
  }
}
