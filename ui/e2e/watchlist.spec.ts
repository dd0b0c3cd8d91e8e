import { expect, nextFeedback, openDiscover, storedSession, test, topMovieId, watchlistOf } from './support/app';

test('a film saved from the stack is on the watchlist after a reload, and removing it lasts too', async ({ page, request }) => {
  const movieId = await openDiscover(page);
  const title = (await page
    .getByTestId('top-card')
    .locator('h2')
    .evaluate((h) => h.firstChild?.textContent ?? ''))!;

  const stored = nextFeedback(page);
  const saved = page.waitForResponse((r) => r.url().endsWith(`/watchlist/${movieId}`) && r.request().method() === 'PUT');
  await page.getByRole('button', { name: 'Add to watchlist', exact: true }).click();
  expect((await stored).status()).toBe(201);
  expect((await saved).status()).toBe(201);
  await expect.poll(() => topMovieId(page)).not.toBe(movieId);

  await page
    .getByRole('navigation', { name: 'Main' })
    .first()
    .getByRole('link', { name: /Watchlist/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Watchlist', level: 1 })).toBeVisible();
  const saved_films = page.getByRole('list', { name: 'Saved films' });
  await expect(saved_films.getByRole('heading', { name: title })).toBeVisible();

  await page.reload();
  await expect(saved_films.getByRole('heading', { name: title })).toBeVisible();
  expect(await watchlistOf(request, await storedSession(page))).toEqual([movieId]);

  const removed = page.waitForResponse((r) => r.url().endsWith(`/watchlist/${movieId}`) && r.request().method() === 'DELETE');
  await page.getByRole('button', { name: `Remove ${title} from watchlist` }).click();
  expect((await removed).status()).toBe(204);
  await expect(page.getByRole('heading', { name: 'Your watchlist is empty' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your watchlist is empty' })).toBeVisible();
  expect(await watchlistOf(request, await storedSession(page))).toEqual([]);
});

test('the ↑ key saves the top card; the detail page toggles the watchlist and shows more like this', async ({
  page,
  request,
}) => {
  const movieId = await openDiscover(page);
  const saved = page.waitForResponse((r) => r.url().endsWith(`/watchlist/${movieId}`) && r.request().method() === 'PUT');
  await page.keyboard.press('ArrowUp');
  expect((await saved).status()).toBe(201);

  await page.goto(`/movie/${movieId}`);
  // ml-latest-small + the metadata join has no credits, languages or certifications: the page leaves them out.
  const movie = (await (await request.get(`/movies/${movieId}`)).json()) as {
    title: string;
    directors?: unknown;
    cast?: unknown;
  };
  expect([movie.directors ?? null, movie.cast ?? null]).toEqual([null, null]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(movie.title);
  await expect(page.getByText(/^Directed by/)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Cast & crew' })).toHaveCount(0);
  const toggle = page.getByRole('button', { name: 'On your watchlist' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.getByRole('button', { name: 'Add to watchlist' })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => watchlistOf(request, await storedSession(page))).toEqual([]);

  const more = page.getByRole('region', { name: /More (like this|in )/ });
  await expect(more.getByRole('listitem').first()).toBeVisible();
  await more.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/movie\/\d+$/);
  expect(page.url()).not.toMatch(new RegExp(`/movie/${movieId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // MovieLens keeps alternate titles in parentheses; the page shows them apart from the title.
  await page.goto('/movie/4973');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Am[eé]lie$/);
  await expect(page.getByText(/Also known as/)).toContainText("Fabuleux destin d'Amélie Poulain");
});

test('history lists likes and dislikes and can undo them', async ({ page }) => {
  const first = await openDiscover(page);
  let stored = nextFeedback(page);
  await page.keyboard.press('ArrowRight');
  await stored;
  await expect.poll(() => topMovieId(page)).not.toBe(first);
  stored = nextFeedback(page);
  await page.keyboard.press('ArrowLeft');
  await stored;

  await page.goto('/history');
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Liked');
  await page.getByRole('button', { name: 'Disliked', exact: true }).click();
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Liked', exact: true }).click();
  const title = (await rows.first().getByRole('link').last().textContent())!.replace(/ \(\d{4}\)$/, '');
  await rows
    .first()
    .getByRole('button', { name: `Undo liked for ${title}` })
    .click();
  await expect(page.getByRole('heading', { name: 'Nothing liked yet' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Nothing liked yet' })).toBeVisible();
});
