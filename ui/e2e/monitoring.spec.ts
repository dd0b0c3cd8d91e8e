import { join } from 'node:path';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { adminPort, workDir } from './support/env';
import { DisposableServer } from './support/server';

// A server of its own: it trains two models and runs an experiment, which must not change what the other specs see.
const adminKey = 'e2e-admin-key';
const server = new DisposableServer(adminPort, join(workDir, `artifacts-${adminPort}`), {
  MARQUEE_ADMIN_KEY: adminKey,
  Marquee__RateLimits__SessionsPerMinute: '1000',
});
const admin = { 'X-Api-Key': adminKey };

test.beforeAll(async () => server.start());
test.afterAll(async () => server.kill());

async function train(request: APIRequestContext, algorithm: string): Promise<string> {
  const started = await request.post(`${server.url}/admin/retrain`, { headers: admin, data: { algorithm } });
  expect(started.status()).toBe(202);
  const jobUrl = `${server.url}${started.headers()['location']}`;
  let job = await started.json();
  while (job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 250));
    job = await (await request.get(jobUrl, { headers: admin })).json();
  }
  expect(job.status).toBe('succeeded');
  return job.model_version as string;
}

test('two model versions in an experiment each get about half of 200 sessions, and the admin page compares their like rates', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const control = await train(request, 'ease');
  const candidate = await train(request, 'als');
  const started = await request.put(`${server.url}/admin/experiment`, {
    headers: admin,
    data: { name: 'e2e-ease-vs-als', control_version: control, candidate_version: candidate, candidate_share: 0.5 },
  });
  expect(started.status()).toBe(200);

  // Sessions on the candidate like both cards of their page, sessions on the control one of two.
  const sessions = new Map<string, number>([
    [control, 0],
    [candidate, 0],
  ]);
  for (let i = 0; i < 200; i++) {
    const session = await (await request.post(`${server.url}/sessions`)).json();
    const auth = { Authorization: `Bearer ${session.token}` };
    const recommended = await request.post(`${server.url}/recommend`, {
      headers: auth,
      data: { user_id: session.user_id, k: 2 },
    });
    const pageOfCards = await recommended.json();
    const version: string = pageOfCards.model_version;
    sessions.set(version, (sessions.get(version) ?? 0) + 1);
    for (const [position, movie] of (pageOfCards.items as { movie_id: number }[]).entries()) {
      const action = version === candidate || position === 0 ? 'like' : 'dislike';
      const stored = await request.post(`${server.url}/feedback`, {
        headers: auth,
        data: {
          user_id: session.user_id,
          movie_id: movie.movie_id,
          action,
          context: { model_version: version, position, page_id: pageOfCards.page_id },
        },
      });
      expect(stored.status()).toBe(201);
    }
  }
  expect(sessions.get(control)).toBeGreaterThanOrEqual(70);
  expect(sessions.get(candidate)).toBeGreaterThanOrEqual(70);
  expect(sessions.get(control)! + sessions.get(candidate)!).toBe(200);

  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Admin key').fill(adminKey);
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Models and monitoring', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Model versions' })).toContainText(candidate);

  const arms = page.getByRole('table', { name: 'Experiment arms' });
  const controlRow = arms.getByRole('row').filter({ hasText: control });
  const candidateRow = arms.getByRole('row').filter({ hasText: candidate });
  // like rate from the stored events: control 1 of 2 cards, candidate 2 of 2; sessions as counted above
  await expect(controlRow).toContainText('50.0 %');
  await expect(candidateRow).toContainText('100.0 %');
  await expect(controlRow.getByRole('cell').nth(2)).toHaveText(String(sessions.get(control)));
  await expect(candidateRow.getByRole('cell').nth(2)).toHaveText(String(sessions.get(candidate)));
  await expect(page.getByTestId('like-rate-difference')).toContainText('+50.0 pts');
  await expect(page.getByTestId('like-rate-difference')).toContainText('The candidate gets more likes');
  await expect(page.getByRole('table', { name: 'Online metrics per model version' })).toContainText(candidate);
});

test('the admin page asks for the key again when it is wrong', async ({ page }) => {
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Admin key').fill('not-the-key');
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  await expect(page.getByRole('alert')).toHaveText('That key was not accepted.');
});
