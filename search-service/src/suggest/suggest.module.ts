import { Module } from '@nestjs/common';
import { PastQueriesRepository } from './past-queries.repository';
import { SuggestService } from './suggest.service';

@Module({
  providers: [PastQueriesRepository, SuggestService],
  exports: [SuggestService],
})
export class SuggestModule {}
