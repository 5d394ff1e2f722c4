/**
 * Writes the gateway's OpenAPI document without a listening server or the network: the app is
 * created as bootstrap.ts creates it, on a throwaway SQLite directory, and never listens.
 * Keys are sorted so the committed document only changes when the API does.
 *
 *   ts-node scripts/export-openapi.ts [out-file]   (default sdk/openapi.json)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export async function exportOpenApi(outFile: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'openapi-export-'));
  Object.assign(process.env, { NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dataDir });
  delete process.env.DATABASE_URL;
  // Imported after the environment is set: the config modules read it when first loaded.
  const { createGatewayApp, buildOpenApiDocument } = await import('../gateway/src/bootstrap');
  const app = await createGatewayApp({ logger: ['error'] });
  try {
    writeFileSync(outFile, `${JSON.stringify(sortKeys(buildOpenApiDocument(app)), null, 2)}\n`);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

if (require.main === module) {
  exportOpenApi(resolve(process.argv[2] ?? 'sdk/openapi.json')).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
