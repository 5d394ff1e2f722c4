import { BadRequestException, ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { OwnerGuard } from './owner.guard';

function contextFor(userId: string, user?: { id: number }): ExecutionContext {
  const request = { params: { userId }, user: user && { ...user, email: 'x@example.com', apiKeyId: null } };
  return { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

describe(OwnerGuard.name, () => {
  const sut = new OwnerGuard();

  describe('canActivate', () => {
    it('lets the caller through to their own resources', () => {
      expect(sut.canActivate(contextFor('7', { id: 7 }))).toBe(true);
    });

    it("answers 403 Unauthorized for another user's id", () => {
      expect(() => sut.canActivate(contextFor('8', { id: 7 }))).toThrow(new ForbiddenException('Unauthorized'));
    });

    it.each(['abc', '0', '-1', '7.5', '99999999999'])('answers 400 for the id %s', (userId) => {
      expect(() => sut.canActivate(contextFor(userId, { id: 7 }))).toThrow(BadRequestException);
    });

    it('answers 401 when no one is authenticated', () => {
      expect(() => sut.canActivate(contextFor('7'))).toThrow(UnauthorizedException);
    });
  });
});
