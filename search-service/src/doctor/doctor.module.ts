import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SearchJobEntity } from '@search/jobs/search-job.entity';
import { SearchSettingsModule } from '@search/settings/search-settings.module';
import { NoResultDoctorService } from './no-result-doctor.service';
import { NoResultSearchesRepository } from './no-result-searches.repository';

/** The zero-result doctor: reads the recorded searches and the index, writes nothing. */
@Module({
  imports: [TypeOrmModule.forFeature([SearchJobEntity]), SearchSettingsModule],
  providers: [NoResultSearchesRepository, NoResultDoctorService],
  exports: [NoResultDoctorService],
})
export class DoctorModule {}
