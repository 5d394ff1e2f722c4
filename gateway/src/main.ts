import { Logger } from '@nestjs/common';
import { createGatewayApp } from './bootstrap';
import { appConfig, AppConfig } from './config/app.config';

async function main(): Promise<void> {
  const app = await createGatewayApp();
  const config = app.get<AppConfig>(appConfig.KEY);
  await app.listen(config.port, config.host);
  Logger.log(`Gateway listening on ${await app.getUrl()}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  // Configuration errors already name the bad variables; a stack trace would only bury them.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
