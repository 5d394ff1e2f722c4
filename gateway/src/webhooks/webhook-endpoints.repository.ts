import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { WebhookEndpoint } from './webhook-endpoint.entity';

@Injectable()
export class WebhookEndpointsRepository {
  constructor(@InjectRepository(WebhookEndpoint) private readonly endpoints: Repository<WebhookEndpoint>) {}

  create(row: Omit<WebhookEndpoint, 'id'>): Promise<WebhookEndpoint> {
    return this.endpoints.save(this.endpoints.create(row));
  }

  listByOwner(ownerId: number): Promise<WebhookEndpoint[]> {
    return this.endpoints.find({ where: { ownerId }, order: { id: 'ASC' } });
  }

  findOwned(ownerId: number, id: number): Promise<WebhookEndpoint | null> {
    return this.endpoints.findOneBy({ ownerId, id });
  }

  findById(id: number): Promise<WebhookEndpoint | null> {
    return this.endpoints.findOneBy({ id });
  }

  async delete(ownerId: number, id: number): Promise<boolean> {
    const result = await this.endpoints.delete({ ownerId, id });
    return (result.affected ?? 0) > 0;
  }

  async save(endpoint: WebhookEndpoint): Promise<void> {
    await this.endpoints.save(endpoint);
  }
}
