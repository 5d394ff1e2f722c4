import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { PinCheckEntity } from './pin-check.entity';
import type { PinScore } from './pin-scorer';
import { PinEntity } from './pin.entity';

@Injectable()
export class PinsRepository {
  private readonly pins: Repository<PinEntity>;
  private readonly checks: Repository<PinCheckEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.pins = dataSource.getRepository(PinEntity);
    this.checks = dataSource.getRepository(PinCheckEntity);
  }

  async insert(pin: PinEntity): Promise<void> {
    await this.pins.insert(pin);
  }

  /** Oldest first, so a pin keeps its place in the list. */
  forOwner(ownerId: number): Promise<PinEntity[]> {
    return this.pins.find({ where: { ownerId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  countForOwner(ownerId: number): Promise<number> {
    return this.pins.count({ where: { ownerId } });
  }

  findForOwner(id: string, ownerId: number): Promise<PinEntity | null> {
    return this.pins.findOne({ where: { id, ownerId } });
  }

  async delete(id: string, ownerId: number): Promise<void> {
    await this.pins.delete({ id, ownerId });
  }

  /** The check and every pin's new "before" in one transaction, so the history and the pins never disagree. */
  async record(check: PinCheckEntity, scores: ReadonlyMap<string, PinScore>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(PinCheckEntity).insert(check);
      for (const [id, lastScore] of scores) {
        await manager.getRepository(PinEntity).update({ id, ownerId: check.ownerId }, { lastScore });
      }
    });
  }

  checksForOwner(ownerId: number, limit: number): Promise<PinCheckEntity[]> {
    return this.checks.find({ where: { ownerId }, order: { checkedAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
