import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Permission } from '../authenticated-user';

export const REQUIRED_PERMISSION_KEY = 'auth:requiredPermission';

/** What a route asks of its caller: one permission, or `any` credential at all. */
export type RequiredPermission = Permission | 'any';

/**
 * The permission a route (or every route of a controller) needs; checked by the global
 * PermissionGuard after the caller is authenticated and counted. A JWT from a password login holds
 * every permission; an API key only those it was created with; a search token only `search`.
 * Shown in the OpenAPI document as `x-required-permission`.
 */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSION_KEY, permission), ApiExtension('x-required-permission', permission));

/** Any valid credential may use the route (e.g. /auth/me), whatever its permissions. */
export const AnyCredential = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSION_KEY, 'any'), ApiExtension('x-required-permission', 'any'));
