import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RedisModule } from '../quotas/redis/redis.module';
import { UsersModule } from '../users/users.module';
import { ApiKeyUsageTracker } from './api-keys/api-key-usage.tracker';
import { ApiKey } from './api-keys/api-key.entity';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysRepository } from './api-keys/api-keys.repository';
import { ApiKeysService } from './api-keys/api-keys.service';
import { authConfig, AuthConfig } from './auth.config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CredentialCache } from './credentials/credential-cache';
import { Revocations } from './credentials/revocations';
import { AuthenticationGuard } from './guards/authentication.guard';
import { BearerStrategy } from './guards/bearer.strategy';
import { OwnerGuard } from './guards/owner.guard';
import { PasswordHasher } from './password-hasher';
import { SearchTokensController } from './search-tokens/search-tokens.controller';

const authConfigFeature = ConfigModule.forFeature(authConfig);

@Module({
  imports: [
    authConfigFeature,
    UsersModule,
    RedisModule,
    PassportModule,
    TypeOrmModule.forFeature([ApiKey]),
    JwtModule.registerAsync({
      imports: [authConfigFeature],
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256', expiresIn: config.jwtExpiresIn },
      }),
    }),
  ],
  controllers: [AuthController, ApiKeysController, SearchTokensController],
  providers: [
    AuthService,
    PasswordHasher,
    ApiKeysRepository,
    ApiKeysService,
    ApiKeyUsageTracker,
    CredentialCache,
    Revocations,
    BearerStrategy,
    OwnerGuard,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [AuthService, ApiKeysService, ApiKeysRepository, OwnerGuard, Revocations],
})
export class AuthModule {}
