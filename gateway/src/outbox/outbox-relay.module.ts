import { SearchClientModule } from '@gateway/search/search-client.module';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxCommitSubscriber } from './outbox-commit.subscriber';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxPrunerService } from './outbox-pruner.service';
import { outboxRelayConfig } from './outbox-relay.config';
import { OutboxRelayRepository } from './outbox-relay.repository';
import { OutboxRelayService } from './outbox-relay.service';
import { OutboxModule } from './outbox.module';

@Module({
  imports: [
    ConfigModule.forFeature(outboxRelayConfig),
    TypeOrmModule.forFeature([OutboxEvent]),
    OutboxModule,
    SearchClientModule,
  ],
  providers: [OutboxRelayRepository, OutboxRelayService, OutboxPrunerService, OutboxCommitSubscriber],
  exports: [OutboxRelayService],
})
export class OutboxRelayModule {}
