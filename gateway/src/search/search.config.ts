import { validateConfig } from '@gateway/config/validate-config';
import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';

/** The search service ships the same development default, so `npm start` works without setup. */
export const DEV_SERVICE_TOKEN = 'dev-service-token-change-me';

/** Reads the raw string: implicit conversion would turn "false" into `true`. */
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }): unknown => {
  const raw = obj[key];
  return typeof raw === 'string' ? ['1', 'true', 'yes'].includes(raw.toLowerCase()) : raw;
};

class SearchEnv {
  @IsString()
  @IsNotEmpty()
  SEARCH_GRPC_URL: string = '127.0.0.1:50051';

  @IsString()
  @IsNotEmpty()
  SERVICE_TOKEN: string = DEV_SERVICE_TOKEN;

  @IsBoolean()
  @Transform(toBoolean)
  SEARCH_GRPC_TLS: boolean = false;

  @IsOptional()
  @IsString()
  SEARCH_GRPC_TLS_CA?: string;

  @IsOptional()
  @IsString()
  SEARCH_GRPC_TLS_CERT?: string;

  @IsOptional()
  @IsString()
  SEARCH_GRPC_TLS_KEY?: string;

  @IsOptional()
  @IsString()
  SEARCH_GRPC_TLS_SERVER_NAME?: string;

  @IsInt()
  @Min(50)
  @Max(60_000)
  SEARCH_TIMEOUT_MS: number = 1500;

  @IsInt()
  @Min(0)
  @Max(5)
  SEARCH_RETRY_ATTEMPTS: number = 2;

  @IsInt()
  @Min(1)
  @Max(1000)
  SEARCH_BREAKER_THRESHOLD: number = 5;

  @IsInt()
  @Min(100)
  @Max(600_000)
  SEARCH_BREAKER_HALF_OPEN_MS: number = 5000;

  @IsInt()
  @Min(1)
  @Max(10_000)
  SEARCH_BULKHEAD_LIMIT: number = 64;

  @IsInt()
  @Min(0)
  @Max(100_000)
  SEARCH_BULKHEAD_QUEUE: number = 256;

  @IsInt()
  @Min(0)
  @Max(30_000)
  SEARCH_WAIT_MS: number = 2000;

  @IsString()
  NODE_ENV: string = 'development';
}

export interface SearchTlsConfig {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  serverName?: string;
}

export interface SearchConfig {
  /** `host:port`, a comma-separated list of `ip:port`, or a full gRPC target such as `dns:///search:50051`. */
  url: string;
  serviceToken: string;
  /** Present when the channel uses TLS. */
  tls: SearchTlsConfig | null;
  timeoutMs: number;
  retryAttempts: number;
  breakerThreshold: number;
  breakerHalfOpenMs: number;
  bulkheadLimit: number;
  bulkheadQueue: number;
  waitMs: number;
}

/**
 * Reads the search client's variables once, failing fast with every bad variable listed; the
 * development service token is refused in production so a deployment cannot run on a public secret.
 */
export function loadSearchConfig(source: NodeJS.ProcessEnv): SearchConfig {
  const env = validateConfig(
    SearchEnv,
    Object.fromEntries(Object.entries(source).filter(([name]) => OWN_VARIABLE.test(name))),
  );
  if (env.NODE_ENV === 'production' && env.SERVICE_TOKEN === DEV_SERVICE_TOKEN) {
    throw new Error(
      'Invalid configuration: SERVICE_TOKEN must be set in production (the development default is public)',
    );
  }
  if (Boolean(env.SEARCH_GRPC_TLS_CERT) !== Boolean(env.SEARCH_GRPC_TLS_KEY)) {
    throw new Error('Invalid configuration: SEARCH_GRPC_TLS_CERT and SEARCH_GRPC_TLS_KEY must be set together');
  }
  const tlsEnabled = env.SEARCH_GRPC_TLS || Boolean(env.SEARCH_GRPC_TLS_CA) || Boolean(env.SEARCH_GRPC_TLS_CERT);
  return {
    url: env.SEARCH_GRPC_URL.trim(),
    serviceToken: env.SERVICE_TOKEN,
    tls: tlsEnabled
      ? {
          caFile: env.SEARCH_GRPC_TLS_CA,
          certFile: env.SEARCH_GRPC_TLS_CERT,
          keyFile: env.SEARCH_GRPC_TLS_KEY,
          serverName: env.SEARCH_GRPC_TLS_SERVER_NAME,
        }
      : null,
    timeoutMs: env.SEARCH_TIMEOUT_MS,
    retryAttempts: env.SEARCH_RETRY_ATTEMPTS,
    breakerThreshold: env.SEARCH_BREAKER_THRESHOLD,
    breakerHalfOpenMs: env.SEARCH_BREAKER_HALF_OPEN_MS,
    bulkheadLimit: env.SEARCH_BULKHEAD_LIMIT,
    bulkheadQueue: env.SEARCH_BULKHEAD_QUEUE,
    waitMs: env.SEARCH_WAIT_MS,
  };
}

/** Only this module's variables are read; the shared validator treats empty ones as unset. */
const OWN_VARIABLE = /^(SEARCH_|SERVICE_TOKEN$|NODE_ENV$)/;

export const searchConfig = registerAs('search', () => loadSearchConfig(process.env));
