import { Module } from '@nestjs/common';
import { JobsModule } from '@search/jobs/jobs.module';
import { PastQueriesRepository } from './past-queries.repository';
import { SuggestService } from './suggest.service';

@Module({
  imports: [JobsModule],
  providers: [PastQueriesRepository, SuggestService],
  exports: [SuggestService],
})
export class SuggestModule {}
