import type { Metadata } from '@grpc/grpc-js';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SearchException, SearchExceptionCode } from '@search/common/search.exception';
import { IS_PUBLIC } from './public.decorator';
import { ServiceTokenVerifier } from './service-token.verifier';

export const SERVICE_TOKEN_METADATA_KEY = 'x-service-token';

@Injectable()
export class ServiceTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: ServiceTokenVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) {
      return true;
    }
    const metadata = context.switchToRpc().getContext<Metadata>();
    const [value] = metadata.get(SERVICE_TOKEN_METADATA_KEY);
    if (!this.verifier.matches(typeof value === 'string' ? value : undefined)) {
      throw new SearchException(
        SearchExceptionCode.Unauthenticated,
        `Missing or invalid ${SERVICE_TOKEN_METADATA_KEY}`,
      );
    }
    return true;
  }
}
