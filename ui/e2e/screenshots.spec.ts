import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, nextFeedback, storedSession, test, topMovieId } from './support/app';
import { repoRoot } from './support/env';

// `npm run screenshots` refreshes docs/screenshots from the real app on ml-latest-small.
const outDir = join(repoRoot, 'docs', 'screenshots');
mkdirSync(outDir, { recursive: true });

const viewports = {
  desktop: { width: 1440, height: 900 },
  mobile: { width: 390, height: 844 },
} as const;

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle'); // a swipe re-ranks the cards behind in the background
  await page.locator('main').evaluate((main) => main.scrollTo({ top: 0 }));
  await page.waitForTimeout(700); // let springs and fades settle
  await expect(page.getByTestId('leaving-card')).toHaveCount(0); // swiped or re-ranked cards still flying off
  await page.screenshot({ path: join(outDir, `${name}.png`) });
}

async function saveSome(page: Page) {
  const session = await storedSession(page);
  const picks = await page.request.post('/recommend', { data: { k: 8, genres: ['Sci-Fi', 'Adventure'], min_rating: 3.8 } });
  const items = ((await picks.json()) as { items: { movie_id: number }[] }).items;
  for (const item of items) {
    const saved = await page.request.put(`/users/${session.user_id}/watchlist/${item.movie_id}`, {
      headers: { Authorization: `Bearer ${session.token}` },
    });
    expect(saved.ok()).toBe(true);
  }
  return items.map((item) => item.movie_id);
}

for (const [device, viewport] of Object.entries(viewports)) {
  test.describe(device, () => {
    test.use({ viewport });

    test('discover, filters, watchlist, detail', async ({ page }) => {
      await page.goto('/?q=something+cozy+and+funny+for+a+rainy+night');
      await topMovieId(page);
      for (const key of ['ArrowRight', 'ArrowLeft']) {
        const stored = nextFeedback(page);
        await page.keyboard.press(key);
        await stored;
      }
      await shot(page, `${device}-discover`);

      await page.goto('/?q=something+light&genre=Comedy&genre=Romance&not=Horror&era=90s&rating=3.5');
      await topMovieId(page);
      if (device === 'mobile') {
        await page.getByRole('button', { name: /^Filters/ }).click();
        await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
      }
      await shot(page, `${device}-filters`);

      const saved = await saveSome(page);
      await page.goto('/watchlist');
      await expect(page.getByRole('list', { name: 'Saved films' }).getByRole('listitem')).toHaveCount(saved.length);
      await shot(page, `${device}-watchlist`);

      await page.goto('/movie/2571');
      await expect(page.getByRole('region', { name: /More/ }).getByRole('listitem').first()).toBeVisible();
      await shot(page, `${device}-detail`);
    });

    test.describe('first visit', () => {
      test.use({ onboarded: false });
      test('onboarding', async ({ page }) => {
        await page.goto('/');
        const tiles = page.getByRole('list', { name: 'Films to rate' }).getByRole('listitem');
        await expect(tiles).toHaveCount(8);
        await tiles
          .nth(0)
          .getByRole('button', { name: /^Like / })
          .click();
        await tiles
          .nth(2)
          .getByRole('button', { name: /^Like / })
          .click();
        await tiles
          .nth(3)
          .getByRole('button', { name: /^Dislike / })
          .click();
        await expect(page.getByText('3 rated')).toBeVisible();
        await shot(page, `${device}-onboarding`);
      });
    });
  });
}
