import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// playwright.config.ts picks free ports once and exports them, so the runner and its workers agree.
function portFromEnv(name: string): number {
  const value = Number(process.env[name]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} is not set: load playwright.config.ts first`);
  return value;
}

export const uiDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = dirname(uiDir);

export const port = portFromEnv('MARQUEE_E2E_PORT');
/** A second, disposable server for the "API down" test. */
export const flakyPort = portFromEnv('MARQUEE_E2E_FLAKY_PORT');
/** A server with an admin key and models of its own, for the monitoring page. */
export const adminPort = portFromEnv('MARQUEE_E2E_ADMIN_PORT');
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
