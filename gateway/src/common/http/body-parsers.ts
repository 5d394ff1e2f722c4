import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { parse as parseForm } from 'node:querystring';
import { NESTS_TOO_DEEP, nestsDeeperThan } from '../validation/json-depth';

export const MALFORMED_JSON = 'Malformed JSON in request body';
export const TOO_DEEP_JSON = `Request body ${NESTS_TOO_DEEP}`;

/**
 * JSON through Fastify's own parser (prototype-poisoning checks included), with the monolith's
 * message when it fails, and refused when it nests deeper than any body of the API; forms as flat
 * fields. Registering one parser replaces Nest's defaults, so both are declared here.
 */
export function registerBodyParsers(app: NestFastifyApplication, bodyLimit: number): void {
  const parseJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    void parseJson(request, body.toString('utf8'), (error, value: unknown) => {
      if (error) {
        done(new BadRequestException(MALFORMED_JSON));
      } else if (nestsDeeperThan(value)) {
        done(new BadRequestException(TOO_DEEP_JSON));
      } else {
        done(null, value);
      }
    });
  });
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (_request, body, done) => {
    done(null, { ...parseForm(body.toString('utf8')) });
  });
}
