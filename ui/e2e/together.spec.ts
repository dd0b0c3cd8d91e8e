import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/app';
import { expectNoSeriousViolations } from './support/axe';

const PHONE = { width: 360, height: 740 };

/** Three people, each in their own browser (own storage, own session), on phones. */
async function threePhones(browser: Browser, baseURL: string | undefined): Promise<Page[]> {
  const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext({ baseURL, viewport: PHONE })));
  return Promise.all(contexts.map((context) => context.newPage()));
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'nothing wider than the phone').toBeLessThanOrEqual(0);
}

test('three friends: create, join by code, swipe; a film all three like is announced on every screen; a reload keeps the room', async ({
  browser,
  baseURL,
}) => {
  const pages = await threePhones(browser, baseURL);
  const [ana, ben, cy] = pages as [Page, Page, Page];

  await ana.goto('/together');
  const start = ana.getByRole('form', { name: 'Start a room' });
  await start.getByLabel('Your name').fill('Ana');
  await start.getByLabel(/in the mood/).fill('a feel-good comedy');
  await start.getByRole('button', { name: 'Create room' }).click();
  await expect(ana).toHaveURL(/\/together\/[2-9A-Z]{8}$/);
  const code = (await ana.getByTestId('room-code').textContent())!.trim();

  for (const [page, name] of [
    [ben, 'Ben'],
    [cy, 'Cy'],
  ] as const) {
    await page.goto('/together');
    const join = page.getByRole('form', { name: 'Join a room' });
    await join.getByLabel('Room code').fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
    await join.getByLabel('Your name').fill(name);
    await join.getByRole('button', { name: 'Join room' }).click();
    await expect(page).toHaveURL(new RegExp(`/together/${code}$`));
  }
  for (const page of pages) {
    await expect(page.getByTestId('room-member')).toHaveCount(3);
    await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  }
  await noSidewaysScroll(ana);
  await expectNoSeriousViolations(ana, 'Room deck on a phone');

  // The deck is shared: everyone starts on the same film.
  const firstIds = await Promise.all(pages.map((page) => page.getByTestId('room-card').getAttribute('data-movie-id')));
  expect(new Set(firstIds).size).toBe(1);
  const title = (await ana.getByTestId('room-card').getByRole('heading').textContent())!.trim();

  await ana.getByRole('button', { name: /^I'd watch/ }).click();
  // Ben's screen shows that Ana has voted on the card he is looking at (not how she voted).
  await expect(ben.getByRole('listitem', { name: /^Ana, host, has voted on this film/ })).toBeVisible();
  await ben.getByRole('button', { name: /^I'd watch/ }).click();
  await expect(cy.getByRole('listitem', { name: /^Ben, has voted on this film/ })).toBeVisible();
  await expect(ana.getByRole('dialog')).toHaveCount(0);
  await cy.getByRole('button', { name: /^I'd watch/ }).click();

  for (const page of pages) {
    const celebration = page.getByRole('dialog', { name: "It's a match!" });
    await expect(celebration).toBeVisible();
    await expect(celebration).toContainText(title);
  }
  await expectNoSeriousViolations(cy, 'Match celebration on a phone');
  for (const page of pages) {
    await page.getByRole('button', { name: 'Keep swiping' }).click();
    await expect(page.getByTestId('room-match')).toHaveCount(1);
  }

  await cy.reload();
  await expect(cy.getByTestId('room-code')).toHaveText(code);
  await expect(cy.getByTestId('room-member')).toHaveCount(3);
  await expect(cy.getByTestId('room-match')).toContainText(title);
  await expect(cy.getByRole('dialog')).toHaveCount(0);
  await expect(cy.getByTestId('room-card')).not.toHaveAttribute('data-movie-id', firstIds[0]!);

  await ana.getByRole('button', { name: `We're watching ${title}` }).click();
  for (const page of pages) await expect(page.getByRole('heading', { name: `Tonight: ${title}` })).toBeVisible();

  await Promise.all(pages.map((page) => page.context().close()));
});

test('the live feed comes back after the connection drops and catches up on what was missed', async ({ browser, baseURL }) => {
  // A silently dropped connection is noticed by the client's 10 s server timeout; allow for a loaded machine.
  test.setTimeout(120_000);
  const [ana, ben] = (await threePhones(browser, baseURL)) as [Page, Page, Page];
  await ana.goto('/together');
  await ana.getByRole('form', { name: 'Start a room' }).getByLabel('Your name').fill('Ana');
  await ana.getByRole('button', { name: 'Create room' }).click();
  await expect(ana).toHaveURL(/\/together\/[2-9A-Z]{8}$/);
  // Ben follows the shared link instead of typing the code.
  await ben.goto(new URL(ana.url()).pathname);
  await ben.getByLabel('Your name').fill('Ben');
  await ben.getByRole('button', { name: 'Join room' }).click();
  await expect(ben.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  await expect(ana.getByTestId('room-member')).toHaveCount(2);

  await ben.context().setOffline(true);
  await expect(ben.getByTestId('live-state')).not.toHaveAttribute('data-state', 'live', { timeout: 45_000 });
  await ana.getByRole('button', { name: /^I'd watch/ }).click();
  await ben.context().setOffline(false);

  await expect(ben.getByTestId('live-state')).toHaveAttribute('data-state', 'live', { timeout: 45_000 });
  await expect(ben.getByRole('listitem', { name: /^Ana, host, has voted on this film/ })).toBeVisible();
});

test('create and join screens have no serious accessibility violations at 360 px', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/together');
  await expect(page.getByRole('form', { name: 'Join a room' })).toBeVisible();
  await noSidewaysScroll(page);
  await expectNoSeriousViolations(page, 'Watch together');

  await page.goto('/together/ZZZZZZZZ');
  await expect(page.getByRole('alert')).toContainText('No room with code');
});
