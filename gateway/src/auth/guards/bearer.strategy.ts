import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AuthService } from '../auth.service';
import type { AuthenticatedUser } from '../authenticated-user';
import { parseBearerToken } from '../bearer-token';

export const BEARER_STRATEGY = 'bearer';

/** Accepts `Authorization: Bearer <JWT, search token or API key>`. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, BEARER_STRATEGY) {
  constructor(private readonly auth: AuthService) {
    super();
  }

  async validate(request: FastifyRequest): Promise<AuthenticatedUser | false> {
    const token = parseBearerToken(request.headers.authorization);
    if (!token) {
      return false;
    }
    return (await this.auth.authenticateRequest(token)) ?? false;
  }
}
