import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
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
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    if (!request.user) {
      throw new UnauthorizedException('Authentication required');
    }
    const userId = userIdPipe.transform(String(request.params.userId));
    if (userId !== request.user.id) {
      throw new ForbiddenException('Unauthorized');
    }
    return true;
  }
}
