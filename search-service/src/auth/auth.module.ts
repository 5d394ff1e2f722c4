import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { authConfig } from '@search/config/auth.config';
import { ServiceTokenGuard } from './service-token.guard';
import { ServiceTokenVerifier } from './service-token.verifier';

@Module({
  imports: [ConfigModule.forFeature(authConfig)],
  providers: [ServiceTokenVerifier, { provide: APP_GUARD, useClass: ServiceTokenGuard }],
})
export class AuthModule {}
