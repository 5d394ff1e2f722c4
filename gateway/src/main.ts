import { Logger } from 'nestjs-pino';
import { createGatewayApp } from './bootstrap';
import { appConfig, AppConfig } from './config/app.config';
import { installGracefulShutdown } from './lifecycle/graceful-shutdown';

async function main(): Promise<void> {
  const app = await createGatewayApp();
  const config = app.get<AppConfig>(appConfig.KEY);
  const logger = app.get(Logger);
  installGracefulShutdown(app, logger);
  await app.listen(config.port, config.host);
  logger.log(`Gateway listening on ${await app.getUrl()}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  // Configuration errors already name the bad variables; a stack trace would only bury them.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
