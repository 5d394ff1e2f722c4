import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Express 5 path syntax: everything the API, health, metrics and Socket.IO answer themselves.
const NOT_THE_DASHBOARD = ['/api/{*path}', '/health', '/metrics', '/socket.io/{*path}'];

/** Serves the built Angular dashboard at `/` with SPA fallback, when it has been built. */
@Module({})
export class WebModule {
  static register(): DynamicModule {
    const rootPath = dashboardBuildDir();
    if (!rootPath) {
      return { module: WebModule };
    }
    return {
      module: WebModule,
      imports: [ServeStaticModule.forRoot({ rootPath, exclude: NOT_THE_DASHBOARD })],
    };
  }
}

function dashboardBuildDir(): string | null {
  const root = repositoryRoot(__dirname);
  const dir = root ? join(root, 'web-angular', 'dist', 'web-angular', 'browser') : null;
  return dir && existsSync(join(dir, 'index.html')) ? dir : null;
}

// Walks up from this file: the depth differs between src (ts-jest) and dist/gateway/gateway/src (tsc).
function repositoryRoot(start: string): string | null {
  let dir = start;
  while (dirname(dir) !== dir) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'gateway'))) {
      return dir;
    }
    dir = dirname(dir);
  }
  return null;
}
