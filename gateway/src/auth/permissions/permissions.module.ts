import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PermissionGuard } from './permission.guard';

/**
 * Registers the global PermissionGuard. Imported by AppModule after QuotasModule: Nest runs global
 * guards in the order their modules were registered, and permissions are checked only once the
 * caller is authenticated (AuthModule) and the request is charged to its quota (QuotasModule).
 */
@Module({
  providers: [{ provide: APP_GUARD, useClass: PermissionGuard }],
})
export class PermissionsModule {}
