import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads the installed version from node_modules (some packages do not export their package.json). */
export function packageVersion(name: string): string {
  const path = join(__dirname, '..', '..', '..', 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}
