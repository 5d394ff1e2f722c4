import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthIndicatorRegistry } from './health-indicator.registry';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [HealthIndicatorRegistry, HealthService],
  exports: [HealthIndicatorRegistry],
})
export class HealthModule {}
