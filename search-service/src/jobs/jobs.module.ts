import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { jobsConfig } from '@search/config/jobs.config';
import { DoctorModule } from '@search/doctor/doctor.module';
import { SearchSettingsModule } from '@search/settings/search-settings.module';
import { GracefulShutdown } from './graceful-shutdown.service';
import { JobEventsBus } from './job-events.bus';
import { JobOutcomeWaiter } from './job-outcome.waiter';
import { JobRecorder } from './job-recorder';
import { JobReplayService } from './job-replay.service';
import { JobRunner } from './job-runner';
import { JobStatsService } from './job-stats.service';
import { JobWatchService } from './job-watch.service';
import { JobWorkerPool } from './job-worker-pool';
import { JobsController } from './jobs.controller';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';
import { OneCallSearchService } from './one-call-search.service';
import { ResultComparisonService } from './result-comparison.service';
import { SearchClickEntity } from './search-click.entity';
import { SearchClicksRepository } from './search-clicks.repository';
import { SearchJobEntity } from './search-job.entity';

@Module({
  imports: [
    ConfigModule.forFeature(jobsConfig),
    TypeOrmModule.forFeature([SearchJobEntity, SearchClickEntity]),
    SearchSettingsModule,
    DoctorModule,
  ],
  controllers: [JobsController],
  providers: [
    JobsRepository,
    SearchClicksRepository,
    JobsService,
    JobEventsBus,
    JobRunner,
    JobWorkerPool,
    JobWatchService,
    JobStatsService,
    JobRecorder,
    JobOutcomeWaiter,
    OneCallSearchService,
    ResultComparisonService,
    JobReplayService,
    GracefulShutdown,
  ],
  exports: [JobRecorder],
})
export class JobsModule {}
