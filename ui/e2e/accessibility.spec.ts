import { expectNoSeriousViolations } from './support/axe';
import { expect, nextFeedback, test, topMovieId } from './support/app';

test.describe('no serious accessibility violations', () => {
  test('Discover, desktop and phone with the filter sheet open', async ({ page }) => {
    await page.goto('/');
    await topMovieId(page);
    await expectNoSeriousViolations(page, 'Discover');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: /^Filters/ }).click();
    await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
    await expectNoSeriousViolations(page, 'Discover filters sheet');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('Watchlist, History, detail and About', async ({ page }) => {
    await page.goto('/');
    const movieId = await topMovieId(page);
    const stored = nextFeedback(page);
    const saved = page.waitForResponse((r) => r.url().endsWith(`/watchlist/${movieId}`) && r.request().method() === 'PUT');
    await page.keyboard.press('ArrowUp');
    await stored;
    expect((await saved).status()).toBe(201);

    await page.goto('/watchlist');
    await expect(page.getByRole('list', { name: 'Saved films' })).toBeVisible();
    await expectNoSeriousViolations(page, 'Watchlist');

    await page.goto('/history');
    await page.getByRole('button', { name: 'Everything' }).click();
    await expect(page.getByTestId('history-row')).toHaveCount(1);
    await expectNoSeriousViolations(page, 'History');

    await page.goto(`/movie/${movieId}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: /More/ }).getByRole('listitem').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'Movie detail');

    await page.goto('/about');
    await expect(
      page.getByText('This product uses the TMDB API but is not endorsed or certified by TMDB.').first(),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'The Movie Database (TMDB)' }).first()).toHaveAttribute(
      'href',
      'https://www.themoviedb.org',
    );
    await expectNoSeriousViolations(page, 'About');
  });
});

test.describe('onboarding', () => {
  test.use({ onboarded: false });
  test('has no serious accessibility violations', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('list', { name: 'Films to rate' }).getByRole('listitem')).toHaveCount(8);
    await expectNoSeriousViolations(page, 'Onboarding');
  });
});
