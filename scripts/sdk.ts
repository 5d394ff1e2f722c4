/**
 * The SDK (sdk/) from the gateway's OpenAPI document, with @hey-api/openapi-ts, in two flavours generated from
 * the same document: sdk/src/generated (fetch, for any runtime) and sdk/src/angular/generated (Angular's
 * HttpClient, so the dashboard's interceptors, cancellation and upload progress apply; used by web-angular).
 *
 *   ts-node scripts/sdk.ts generate   writes sdk/openapi.json and both generated folders
 *   ts-node scripts/sdk.ts check      regenerates into a temporary folder and fails, naming the files,
 *                                     when the committed ones differ (run by `npm test`)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { exportOpenApi } from './export-openapi';

const ROOT = resolve(__dirname, '..');
const SDK = join(ROOT, 'sdk');
const GENERATOR = join(ROOT, 'node_modules', '@hey-api', 'openapi-ts', 'bin', 'run.js');

/** Each flavour: its folder under sdk/, the generator's client and plugins. */
const FLAVOURS = [
  { dir: join('src', 'generated'), client: '@hey-api/client-fetch', plugins: [] },
  {
    dir: join('src', 'angular', 'generated'),
    client: '@hey-api/client-angular',
    plugins: ['@hey-api/typescript', '@hey-api/sdk', '@angular/common'],
  },
];

async function generate(targetDir: string): Promise<void> {
  const documentFile = join(targetDir, 'openapi.json');
  await exportOpenApi(documentFile);
  for (const flavour of FLAVOURS) {
    const outDir = join(targetDir, flavour.dir);
    rmSync(outDir, { recursive: true, force: true });
    const plugins = flavour.plugins.length > 0 ? ['-p', ...flavour.plugins] : [];
    execFileSync(
      process.execPath,
      [GENERATOR, '-i', documentFile, '-o', outDir, '-c', flavour.client, ...plugins, '--no-log-file', '--silent'],
      { cwd: ROOT, stdio: 'inherit' },
    );
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function check(): Promise<boolean> {
  const tmp = mkdtempSync(join(tmpdir(), 'sdk-check-'));
  try {
    await generate(tmp);
    const generatedUnder = (root: string) =>
      FLAVOURS.flatMap((flavour) => filesUnder(join(root, flavour.dir))).map((file) => relative(root, file));
    const names = new Set(['openapi.json', ...generatedUnder(tmp), ...generatedUnder(SDK)]);
    const drifted = [...names].sort().filter((name) => {
      const committed = join(SDK, name);
      const fresh = join(tmp, name);
      return !existsSync(committed) || !existsSync(fresh) || !readFileSync(committed).equals(readFileSync(fresh));
    });
    if (drifted.length > 0) {
      console.error(
        `sdk:check: the SDK has drifted from the gateway's API; run \`npm run sdk:generate\` and commit. Drifted files:\n` +
          drifted.map((name) => `  sdk/${name}`).join('\n'),
      );
      return false;
    }
    console.log('sdk:check: sdk/openapi.json and both generated flavours match the gateway');
    return true;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const mode = process.argv[2];
const run = mode === 'generate' ? generate(SDK).then(() => true) : mode === 'check' ? check() : null;
if (!run) {
  console.error('usage: scripts/sdk.ts generate|check');
  process.exit(2);
}
run.then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
