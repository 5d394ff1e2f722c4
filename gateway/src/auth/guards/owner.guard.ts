import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PositiveIntPipe } from '../../common/http/positive-int.pipe';
import type { AuthenticatedUser } from '../authenticated-user';

const userIdPipe = new PositiveIntPipe('userId');

/**
 * For routes under `/users/:userId/...`: the path must name the caller. A non-numeric id is a 400,
 * another user's id a 403 `Unauthorized` (the monolith's wording).
 */
@Injectable()
export class OwnerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    if (!request.user) {
      throw new UnauthorizedException('Authentication required');
    }
    const userId = userIdPipe.transform(String((request.params as { userId?: unknown }).userId));
    if (userId !== request.user.id) {
      throw new ForbiddenException('Unauthorized');
    }
    return true;
  }
}
