import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { jobsConfig } from '@search/config/jobs.config';
import { GracefulShutdown } from './graceful-shutdown.service';
import { JobEventsBus } from './job-events.bus';
import { JobOutcomeWaiter } from './job-outcome.waiter';
import { JobRecorder } from './job-recorder';
import { JobRunner } from './job-runner';
import { JobStatsService } from './job-stats.service';
import { JobWatchService } from './job-watch.service';
import { JobWorkerPool } from './job-worker-pool';
import { JobsController } from './jobs.controller';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';
import { OneCallSearchService } from './one-call-search.service';
import { SearchJobEntity } from './search-job.entity';

@Module({
  imports: [ConfigModule.forFeature(jobsConfig), TypeOrmModule.forFeature([SearchJobEntity])],
  controllers: [JobsController],
  providers: [
    JobsRepository,
    JobsService,
    JobEventsBus,
    JobRunner,
    JobWorkerPool,
    JobWatchService,
    JobStatsService,
    JobRecorder,
    JobOutcomeWaiter,
    OneCallSearchService,
    GracefulShutdown,
  ],
})
export class JobsModule {}
