import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuthenticatedUser, Permission, PERMISSIONS } from '../authenticated-user';
import { IS_PUBLIC_KEY } from '../decorators/public.decorator';
import { REQUIRED_PERMISSION_KEY, RequiredPermission } from './require-permission.decorator';

/** The first permission the caller lacks for a route, or null when it may use it. */
export function missingPermission(
  user: Pick<AuthenticatedUser, 'permissions'>,
  required: RequiredPermission | undefined,
): Permission | null {
  if (required === 'any') {
    return null;
  }
  // A route that declares nothing is open only to credentials that may do everything.
  const needed: readonly Permission[] = required === undefined ? PERMISSIONS : [required];
  return needed.find((permission) => !user.permissions.includes(permission)) ?? null;
}

/** The 403 message naming the credential and the permission it lacks. */
export function lacksPermissionMessage(user: Pick<AuthenticatedUser, 'forcedFilters'>, permission: Permission): string {
  const credential = user.forcedFilters === null ? 'API key' : 'search token';
  return `This ${credential} lacks the '${permission}' permission`;
}

/**
 * Global guard: a route's `@RequirePermission(...)` (method, else controller) must be held by the
 * caller, else 403 `{error: "This API key lacks the 'videos:write' permission"}`. Registered by
 * PermissionsModule, imported after QuotasModule, so Nest runs it after the authentication guard
 * and the quota guard: a refused request is still authenticated, counted, rate-limited and logged.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') {
      return true;
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets)) {
      return true;
    }
    const user = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>().user;
    if (!user) {
      // Only public routes run without a caller; the authentication guard answered 401 for the rest.
      return true;
    }
    const required = this.reflector.getAllAndOverride<RequiredPermission | undefined>(REQUIRED_PERMISSION_KEY, targets);
    const missing = missingPermission(user, required);
    if (missing) {
      throw new ForbiddenException(lacksPermissionMessage(user, missing));
    }
    return true;
  }
}
