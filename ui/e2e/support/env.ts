import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const uiDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = dirname(uiDir);

export const port = Number(process.env.MARQUEE_E2E_PORT ?? 41731);
/** A second, disposable server for the "API down" test, on the next port. */
export const flakyPort = port + 1;
export const baseURL = `http://127.0.0.1:${port}`;
export const workDir = join(tmpdir(), `marquee-e2e-${port}`);

export const chromium = process.env.MARQUEE_CHROMIUM || '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function sharedDir(): string {
  if (process.env.MARQUEE_SHARED_DIR) return process.env.MARQUEE_SHARED_DIR;
  let dir = uiDir;
  while (dirname(dir) !== dir) {
    dir = dirname(dir);
    if (existsSync(join(dir, 'shared', 'datasets'))) return join(dir, 'shared');
  }
  return join(repoRoot, '..', 'shared');
}
