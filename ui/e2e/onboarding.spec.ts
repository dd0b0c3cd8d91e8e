import { expect, feedbackOf, nextFeedback, storedSession, test, topMovieId } from './support/app';

test.use({ onboarded: false });

test('a first visit asks for a few well-known films, stores each verdict and then deals cards', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Rate a few films you know.' })).toBeVisible();
  const tiles = page.getByRole('list', { name: 'Films to rate' }).getByRole('listitem');
  await expect(tiles).toHaveCount(8);

  // The films are the catalogue's real crowd favourites, one per genre.
  const favourite = await request.post('/recommend', { data: { genres: ['Animation'], k: 1, recommender: 'baseline' } });
  const animation = ((await favourite.json()) as { items: { movie_id: number; title: string }[] }).items[0]!;
  await expect(tiles.first()).toContainText(animation.title);

  const verdicts: [string, 'like' | 'dislike'][] = [];
  for (const [index, verdict] of [
    [0, 'like'],
    [1, 'like'],
    [5, 'dislike'],
  ] as const) {
    const title = (await tiles.nth(index).locator('p').first().textContent())!;
    const stored = nextFeedback(page);
    await tiles
      .nth(index)
      .getByRole('button', { name: `${verdict === 'like' ? 'Like' : 'Dislike'} ${title}`, exact: true })
      .click();
    expect((await stored).status()).toBe(201);
    verdicts.push([title, verdict]);
  }
  await expect(page.getByText('3 rated')).toBeVisible();

  await page.getByRole('button', { name: 'Start swiping' }).click();
  await topMovieId(page);

  const events = await feedbackOf(request, await storedSession(page));
  expect(events.map((event) => [event.movie?.title, event.action]).reverse()).toEqual(verdicts);
  expect(events.every((event) => event.context?.recommender === 'baseline')).toBe(true);

  // Onboarding is done for good: a reload goes straight to the cards, liked films are not dealt again.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Rate a few films you know.' })).toHaveCount(0);
  const top = await topMovieId(page);
  expect(events.map((event) => event.movie_id)).not.toContain(top);
});

test('onboarding can be skipped', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await topMovieId(page);
  await expect(page.getByRole('button', { name: 'Like', exact: true })).toBeEnabled();
});
