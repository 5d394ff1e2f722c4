import { INestApplication, NestApplicationOptions, RequestMethod, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { RequestLogHook } from './analytics/request-log/request-log.hook';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { registerBodyParsers } from './common/http/body-parsers';
import { answerClientError, answerFrameworkError } from './common/http/framework-errors';
import type { HttpHook } from './common/http/http-hook';
import { serializeReply } from './common/http/json-text';
import { applyRouteBodyLimits } from './common/http/route-body-limit';
import { RouteMethods } from './common/http/route-methods';
import { SecurityHeadersHook } from './common/http/security-headers.hook';
import { MemoizedValidationPipe } from './common/validation/memoized-validation.pipe';
import { validationExceptionFactory } from './common/validation/validation-exception.factory';
import { appConfig, AppConfig } from './config/app.config';
import { AccessLogHook } from './observability/logging/access-log.hook';
import { RequestContextHook } from './observability/logging/request-context.hook';
import { requestIdOf } from './observability/logging/request-id';
import { HttpMetricsHook } from './observability/metrics/http-metrics.hook';
import { AnonymousRateLimitHook } from './quotas/anonymous-rate-limit.hook';
import { DashboardHook } from './web/dashboard.hook';

export const API_PREFIX = 'api/v1';

/** Paths served outside `/api/v1`; the SPA fallback must not answer for them either. */
export const UNPREFIXED_ROUTES = ['health', 'metrics'];

/**
 * Per-request work, in the order Fastify runs it: the request id and security headers first, then
 * the anonymous rate limit; after the reply, the access log line, the metrics and the request log.
 */
const HTTP_HOOKS: Type<HttpHook>[] = [
  RequestContextHook,
  SecurityHeadersHook,
  AnonymousRateLimitHook,
  AccessLogHook,
  HttpMetricsHook,
  RequestLogHook,
  DashboardHook,
];

const MAX_PATH_PARAM_LENGTH = 8192;

/**
 * Creates the gateway with every global setting applied; shared by main.ts and the e2e suites.
 * Fastify rather than Express: on this stack it serves about seven times the requests per core
 * (bench/load/RESULTS.md).
 */
export async function createGatewayApp(options: NestApplicationOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: appConfig().bodyLimit,
    genReqId: requestIdOf,
    requestIdHeader: false,
    // Fastify answers 404 for a longer path parameter; the no-result diagnosis takes a query of up to 500
    // characters in its path, up to 12 URL-encoded characters each, and its validation answers 400 beyond that.
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    ...options,
    // Startup lines wait for the JSON logger instead of going out in Nest's text format.
    bufferLogs: true,
    // Throw instead of exiting the process, so callers (main.ts, tests) decide what a failed start means.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  configureApp(app);
  return app;
}

export function configureApp(app: NestFastifyApplication): void {
  const config = app.get<AppConfig>(appConfig.KEY);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.setReplySerializer(serializeReply);

  app.setGlobalPrefix(API_PREFIX, {
    exclude: UNPREFIXED_ROUTES.map((path) => ({ path, method: RequestMethod.ALL })),
  });
  registerBodyParsers(app, config.bodyLimit);
  applyRouteBodyLimits(fastify);
  const routes = new RouteMethods(MAX_PATH_PARAM_LENGTH);
  routes.track(fastify);
  for (const hook of HTTP_HOOKS) {
    app.get(hook).register(fastify);
  }
  app.enableCors({
    origin: config.corsOrigins,
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'Prefer', 'X-Requested-With', 'X-Request-Id'],
    exposedHeaders: [
      'X-Request-Id',
      'Retry-After',
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
      'Content-Disposition',
      'Preference-Applied',
    ],
    maxAge: 600,
    // A bare OPTIONS (no Origin, no requested method) is answered like any other rather than with a plain-text 400.
    strictPreflight: false,
  });

  app.useGlobalPipes(
    new MemoizedValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter(routes));

  setUpSwagger(app);
}

function setUpSwagger(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * The gateway's OpenAPI document, built from the routes of a configured app; served at /api/docs and
 * exported by scripts/export-openapi.ts, from which the SDK (sdk/) is generated.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Video Search Platform API')
      .setDescription(
        'Multi-tenant video library with ranked search. Authenticate with `Authorization: Bearer <JWT or API key>`; ' +
          'errors are `{ "error": "message" }`.',
      )
      .setVersion('1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A JWT from /auth/login or an API key' })
      .build(),
  );
}
