import { type APIRequestContext, type Page, type Response, expect, test as base } from '@playwright/test';

export interface StoredSession {
  user_id: string;
  token: string;
}

export interface FeedbackEvent {
  id: number;
  movie_id: number;
  action: string;
  undone: boolean;
  context: { query: string | null; recommender: string | null; model_version: string | null; position: number | null } | null;
  movie: { title: string } | null;
}

/** Every test starts past onboarding, unless it is about onboarding (`onboarded: false`). */
export const test = base.extend<{ onboarded: boolean }>({
  onboarded: [true, { option: true }],
  page: async ({ page, onboarded }, use) => {
    if (onboarded) await page.addInitScript(() => window.localStorage.setItem('marquee.onboarded', '1'));
    await use(page);
  },
});
export { expect };

export async function storedSession(page: Page): Promise<StoredSession> {
  const raw = await page.evaluate(() => window.localStorage.getItem('marquee.session'));
  expect(raw, 'the app keeps its session in localStorage').not.toBeNull();
  return JSON.parse(raw!) as StoredSession;
}

export async function feedbackOf(request: APIRequestContext, session: StoredSession): Promise<FeedbackEvent[]> {
  const response = await request.get(`/users/${session.user_id}/feedback`, {
    headers: { Authorization: `Bearer ${session.token}` },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: FeedbackEvent[] }).items;
}

export async function watchlistOf(request: APIRequestContext, session: StoredSession): Promise<number[]> {
  const response = await request.get(`/users/${session.user_id}/watchlist`, {
    headers: { Authorization: `Bearer ${session.token}` },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: { movie_id: number }[] }).items.map((item) => item.movie_id);
}

export const topCard = (page: Page) => page.getByTestId('top-card');

export async function topMovieId(page: Page): Promise<number> {
  await expect(topCard(page)).toHaveCount(1);
  return Number(await topCard(page).getAttribute('data-movie-id'));
}

/** The POST /feedback the next action sends, to assert its 201 and its body. */
export function nextFeedback(page: Page): Promise<Response> {
  return page.waitForResponse((response) => response.url().endsWith('/feedback') && response.request().method() === 'POST');
}

export async function openDiscover(page: Page, path = '/'): Promise<number> {
  await page.goto(path);
  return topMovieId(page);
}
