import { Metadata } from '@grpc/grpc-js';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SearchException, SearchExceptionCode } from '@search/common/search.exception';
import { ServiceTokenGuard } from './service-token.guard';
import { ServiceTokenVerifier } from './service-token.verifier';

describe('ServiceTokenVerifier', () => {
  const sut = new ServiceTokenVerifier({ serviceToken: 'secret-token' });

  it('accepts the exact token', () => {
    expect(sut.matches('secret-token')).toBe(true);
  });

  it.each([['secret-tokeN'], ['secret-token '], ['secret'], [''], ['x'.repeat(500)]])('refuses %p', (candidate) => {
    expect(sut.matches(candidate)).toBe(false);
  });

  it('refuses a missing token', () => {
    expect(sut.matches(undefined)).toBe(false);
  });
});

describe('ServiceTokenGuard', () => {
  const verifier = new ServiceTokenVerifier({ serviceToken: 'secret-token' });

  function contextWith(metadata: Metadata, isPublic: boolean): { sut: ServiceTokenGuard; context: ExecutionContext } {
    const reflector = { getAllAndOverride: jest.fn().mockReturnValue(isPublic) } as unknown as Reflector;
    const context = {
      getHandler: () => undefined,
      getClass: () => undefined,
      switchToRpc: () => ({ getContext: () => metadata }),
    } as unknown as ExecutionContext;
    return { sut: new ServiceTokenGuard(reflector, verifier), context };
  }

  it('lets a call with the token through', () => {
    const metadata = new Metadata();
    metadata.set('x-service-token', 'secret-token');
    const { sut, context } = contextWith(metadata, false);
    expect(sut.canActivate(context)).toBe(true);
  });

  it('refuses a call without the token as UNAUTHENTICATED', () => {
    const { sut, context } = contextWith(new Metadata(), false);
    expect(() => sut.canActivate(context)).toThrow(
      expect.objectContaining({ code: SearchExceptionCode.Unauthenticated }) as SearchException,
    );
  });

  it('lets public handlers (health) through without a token', () => {
    const { sut, context } = contextWith(new Metadata(), true);
    expect(sut.canActivate(context)).toBe(true);
  });
});
