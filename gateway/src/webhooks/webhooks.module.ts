import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QuotasModule } from '../quotas/quotas.module';
import { SearchClientModule } from '../search/search-client.module';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDeliveryPrunerService } from './webhook-delivery-pruner.service';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookEventPublisher } from './webhook-event.publisher';
import { WebhookJobEventsListener } from './webhook-job-events.listener';
import { WebhookQuotaEventsListener } from './webhook-quota-events.listener';
import { webhooksConfig } from './webhooks.config';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [
    ConfigModule.forFeature(webhooksConfig),
    TypeOrmModule.forFeature([WebhookEndpoint, WebhookDelivery]),
    SearchClientModule,
    QuotasModule,
  ],
  controllers: [WebhooksController],
  providers: [
    WebhookEventPublisher,
    WebhookEndpointsRepository,
    WebhookDeliveriesRepository,
    WebhookDispatcherService,
    WebhookDeliveryPrunerService,
    WebhookJobEventsListener,
    WebhookQuotaEventsListener,
    WebhooksService,
  ],
  exports: [WebhookEventPublisher],
})
export class WebhooksModule {}
