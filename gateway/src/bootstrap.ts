import { INestApplication, NestApplicationOptions, RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, urlencoded } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { bodyParserErrorHandler } from './common/http/body-parser-errors';
import { validationExceptionFactory } from './common/validation/validation-exception.factory';
import { appConfig, AppConfig } from './config/app.config';

export const API_PREFIX = 'api/v1';

// sha256 of the handler text `this.media='all'`.
const ANGULAR_STYLESHEET_ONLOAD_HASH = "'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='";

/** Paths served outside `/api/v1`; the SPA fallback must not answer for them either. */
export const UNPREFIXED_ROUTES = ['health', 'metrics'];

/** Creates the gateway with every global setting applied; shared by main.ts and the e2e suites. */
export async function createGatewayApp(options: NestApplicationOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    ...options,
    bodyParser: false,
    // Startup lines wait for the JSON logger instead of going out in Nest's text format.
    bufferLogs: true,
    // Throw instead of exiting the process, so callers (main.ts, tests) decide what a failed start means.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  configureApp(app);
  return app;
}

export function configureApp(app: INestApplication): void {
  const config = app.get<AppConfig>(appConfig.KEY);

  app.setGlobalPrefix(API_PREFIX, {
    exclude: UNPREFIXED_ROUTES.map((path) => ({ path, method: RequestMethod.ALL })),
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular's critical-CSS inlining loads the full stylesheet with onload="this.media='all'"; only that handler is allowed.
          scriptSrcAttr: ["'unsafe-hashes'", ANGULAR_STYLESHEET_ONLOAD_HASH],
          // Swagger UI and Angular's critical-CSS inlining both emit inline styles.
          styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
          fontSrc: ["'self'", 'data:', 'https://fonts.gstatic.com'],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
        },
      },
    }),
  );
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
  });
  app.use(json({ limit: config.bodyLimit }));
  app.use(urlencoded({ extended: false, limit: config.bodyLimit }));
  app.use(bodyParserErrorHandler);

  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());

  setUpSwagger(app);
}

function setUpSwagger(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
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
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
