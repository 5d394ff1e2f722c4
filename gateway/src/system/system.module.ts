import { OutboxModule } from '@gateway/outbox/outbox.module';
import { SearchClientModule } from '@gateway/search/search-client.module';
import { Module } from '@nestjs/common';
import { SystemController } from './system.controller';
import { SystemService } from './system.service';

@Module({
  imports: [SearchClientModule, OutboxModule],
  controllers: [SystemController],
  providers: [SystemService],
})
export class SystemModule {}
