import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { AnonymousRateLimitHook } from './anonymous-rate-limit.hook';
import { QuotaGuard } from './quota.guard';
import { QuotaService } from './quota.service';
import { quotasConfig } from './quotas.config';
import { QuotasController } from './quotas.controller';
import { RedisConnections } from './redis/redis-connections';
import { RedisModule } from './redis/redis.module';
import { COUNTER_STORE, CounterStore } from './store/counter-store';
import { MemoryCounterStore } from './store/memory-counter-store';
import { RedisCounterStore } from './store/redis-counter-store';

@Module({
  imports: [ConfigModule.forFeature(quotasConfig), RedisModule, AuthModule],
  controllers: [QuotasController],
  providers: [
    QuotaService,
    AnonymousRateLimitHook,
    {
      provide: COUNTER_STORE,
      inject: [RedisConnections],
      useFactory: async (redis: RedisConnections): Promise<CounterStore> =>
        redis.enabled ? new RedisCounterStore(await redis.connect('rate limits')) : new MemoryCounterStore(),
    },
    // After AuthModule's authentication guard: Nest applies global guards in module scan order.
    { provide: APP_GUARD, useClass: QuotaGuard },
  ],
  exports: [QuotaService],
})
export class QuotasModule {}
