import { ExecutionContext, HttpException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { AuthenticatedUser } from '../authenticated-user';
import { IS_PUBLIC_KEY } from '../decorators/public.decorator';
import { BEARER_STRATEGY } from './bearer.strategy';

/** Global guard: every HTTP route needs a valid bearer credential unless marked `@Public()`. */
@Injectable()
export class AuthenticationGuard extends AuthGuard(BEARER_STRATEGY) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    return isPublic ? true : (super.canActivate(context) as Promise<boolean>);
  }

  override handleRequest<TUser = AuthenticatedUser>(error: unknown, user: TUser | false): TUser {
    // A refusal with its own message, e.g. 401 `API key expired`.
    if (error instanceof HttpException) {
      throw error;
    }
    if (error || !user) {
      throw new UnauthorizedException('Authentication required');
    }
    return user;
  }
}
