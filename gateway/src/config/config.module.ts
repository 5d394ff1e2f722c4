import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { appConfig } from './app.config';

const appConfigFeature = ConfigModule.forFeature(appConfig);

/**
 * Loads the environment once. Feature modules register their own namespaced, validated
 * config with `ConfigModule.forFeature(...)`; this module only provides the app-wide namespace.
 */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true }), appConfigFeature],
  exports: [appConfigFeature],
})
export class AppConfigModule {}
