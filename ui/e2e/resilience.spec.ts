import { expect, test, topMovieId } from './support/app';
import { flakyPort } from './support/env';
import { DisposableServer } from './support/server';

const server = new DisposableServer(flakyPort);

test.afterAll(async () => server.kill());

test('when the API is down the error shows inline with a retry, and retry works once it is back', async ({ page }) => {
  test.setTimeout(120_000);
  await server.start();
  await page.goto(`${server.url}/`);
  const first = await topMovieId(page);

  await server.kill();
  const wish = page.getByRole('searchbox', { name: 'What are you in the mood for?' });
  await wish.fill('something funny');
  await wish.press('Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The server is not answering');
  await expect(alert).toContainText('Could not reach the Marquee server');
  await expect(page.getByRole('button', { name: 'Like', exact: true })).toBeDisabled();

  // Still down: retrying keeps the error (and does not pretend).
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeEnabled();
  await expect(alert).toContainText('Could not reach the Marquee server');

  await server.start();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await topMovieId(page)).toBeGreaterThan(0);
  expect(first).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Like', exact: true })).toBeEnabled();
});

test('going offline shows a banner, coming back removes it', async ({ page, context }) => {
  await page.goto('/');
  await topMovieId(page);
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText('You are offline')).toHaveCount(0);
});

test('a stale session (server no longer knows the token) is replaced without losing the swipe', async ({ page, request }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('marquee.session', JSON.stringify({ user_id: 'u_forgotten', token: 'no-such-token' }));
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/');
  const first = await topMovieId(page);
  const stored = page.waitForResponse(
    (r) => r.url().endsWith('/feedback') && r.request().method() === 'POST' && r.status() === 201,
  );
  await page.getByRole('button', { name: 'Like', exact: true }).click();
  await stored;
  const session = JSON.parse((await page.evaluate(() => localStorage.getItem('marquee.session')))!) as {
    user_id: string;
    token: string;
  };
  expect(session.user_id).not.toBe('u_forgotten');
  const events = await request.get(`/users/${session.user_id}/feedback`, {
    headers: { Authorization: `Bearer ${session.token}` },
  });
  expect(((await events.json()) as { items: { movie_id: number; action: string }[] }).items[0]).toMatchObject({
    movie_id: first,
    action: 'like',
  });
});
