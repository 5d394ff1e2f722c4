import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { RedisConnections } from './redis-connections';
import { redisConfig } from './redis.config';

/** Shared by the quota counters and the Socket.IO adapter. */
@Module({
  imports: [ConfigModule.forFeature(redisConfig)],
  providers: [RedisConnections],
  exports: [RedisConnections],
})
export class RedisModule {}
