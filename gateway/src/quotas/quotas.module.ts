import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { AnonymousRateLimitHook } from './anonymous-rate-limit.hook';
import { QuotaInterceptor } from './quota.interceptor';
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
    { provide: APP_INTERCEPTOR, useClass: QuotaInterceptor },
  ],
})
export class QuotasModule {}
