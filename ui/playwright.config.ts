import { createServer } from 'node:net';
import { defineConfig } from '@playwright/test';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// Free ports are chosen once, by the runner; its workers inherit them through the environment.
process.env.MARQUEE_E2E_PORT ??= String(await freePort());
process.env.MARQUEE_E2E_FLAKY_PORT ??= String(await freePort());
process.env.MARQUEE_E2E_ADMIN_PORT ??= String(await freePort());
const { baseURL, chromium, chromiumArgs, port, sharedDir, workDir } = await import('./e2e/support/env');

// Screenshots for docs/ are taken on demand (npm run screenshots), not on every test run; they may
// be taken of a server that is already running (MARQUEE_SCREENSHOTS_URL, e.g. one started by `./marquee up`).
const screenshots = process.env.MARQUEE_SCREENSHOTS === '1';
const runningServer = screenshots ? process.env.MARQUEE_SCREENSHOTS_URL : undefined;

export default defineConfig({
  testDir: './e2e',
  testMatch: screenshots ? 'screenshots.spec.ts' : '*.spec.ts',
  testIgnore: screenshots ? [] : ['screenshots.spec.ts'],
  globalTeardown: './e2e/support/global-teardown.ts',
  // One real server with one database: the files run one after another, each test in its own session.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: runningServer ?? baseURL,
    viewport: { width: 1280, height: 860 },
    launchOptions: { executablePath: chromium, args: chromiumArgs },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: runningServer
    ? undefined
    : {
        command: `bash e2e/serve.sh ${port} ${workDir}`,
        url: `${baseURL}/health`,
        timeout: 300_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
        env: { MARQUEE_SHARED_DIR: sharedDir() },
      },
});
