import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalyticsModule } from '../analytics/analytics.module';
import { QuotasModule } from '../quotas/quotas.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { AlertEvent } from './alert-event.entity';
import { AlertFiguresReader } from './alert-figures.reader';
import { AlertRule } from './alert-rule.entity';
import { alertsConfig } from './alerts.config';
import { AlertsController } from './alerts.controller';
import { AlertsEvaluator } from './alerts.evaluator';
import { AlertsService } from './alerts.service';

@Module({
  imports: [
    ConfigModule.forFeature(alertsConfig),
    TypeOrmModule.forFeature([AlertRule, AlertEvent]),
    AnalyticsModule,
    QuotasModule,
    WebhooksModule,
  ],
  controllers: [AlertsController],
  providers: [AlertFiguresReader, AlertsService, AlertsEvaluator],
  exports: [AlertsService],
})
export class AlertsModule {}
