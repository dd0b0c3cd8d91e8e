import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RecordedRequest, fakeFetch, json, on, problem } from '@/testing/fake-fetch';
import { amelie, matrix, pulpFiction, shawshank, toyStory } from '@/testing/movies';
import { renderWithProviders } from '@/testing/render';
import { forgetDecks } from '../api/use-deck';
import { defaultFilters } from '../lib/filters';
import { Deck } from './Deck';

const page = (items: unknown[]) =>
  json({ recommender: 'baseline', model_version: 'baseline-v1', fallback_reason: null, intent: null, items });

function server(options: { recommend?: (request: RecordedRequest) => Response } = {}) {
  let nextFeedbackId = 100;
  return fakeFetch(
    on('POST', '/recommend', (request) => options.recommend?.(request) ?? page([shawshank, toyStory, pulpFiction, matrix])),
    on('POST', '/feedback', () => json({ id: nextFeedbackId++, stored_at: '2026-11-26T10:00:00Z' }, 201)),
    on('PUT', /\/users\/u_1\/watchlist\/\d+/, json({ movie_id: 1, added_at: '2026-11-26T10:00:00Z', movie: null }, 201)),
    on('DELETE', /\/users\/u_1\/(feedback|watchlist)\/\d+/, new Response(null, { status: 204 })),
  );
}

const topTitle = () => screen.getByTestId('top-card').querySelector('h2')?.firstChild?.textContent;

beforeEach(() => {
  forgetDecks();
  localStorage.setItem('marquee.session', JSON.stringify({ user_id: 'u_1', token: 'tok' }));
});
afterEach(() => vi.unstubAllGlobals());

describe('Deck', () => {
  it('shows the first recommendation with its details', async () => {
    const { requests } = server();
    renderWithProviders(<Deck filters={{ ...defaultFilters, query: 'prison' }} onFiltersChange={() => {}} keyboardEnabled />);
    expect(screen.getByRole('status', { name: 'Loading recommendations' })).toBeInTheDocument();
    await waitFor(() => expect(topTitle()).toBe('The Shawshank Redemption'));
    const card = screen.getByTestId('top-card');
    expect(card).toHaveTextContent('2h 22m');
    expect(card).toHaveTextContent('Crime · Drama');
    expect(card).toHaveTextContent('(317 ratings)');
    expect(requests[0]?.body).toMatchObject({
      query: 'prison',
      user_id: 'u_1',
      k: 20,
      exclude_movie_ids: [],
      recommender: 'auto',
    });
  });

  it('says when fewer films than a page match the wish', async () => {
    const notice = "Only 2 films match 'samurai'; the rest are close to them.";
    server({
      recommend: () =>
        json({
          recommender: 'baseline',
          model_version: 'baseline-v1',
          fallback_reason: null,
          notice,
          intent: null,
          items: [shawshank, toyStory],
        }),
    });
    renderWithProviders(<Deck filters={{ ...defaultFilters, query: 'samurai' }} onFiltersChange={() => {}} keyboardEnabled />);
    await waitFor(() => expect(topTitle()).toBe('The Shawshank Redemption'));
    expect(screen.getByText(notice)).toBeInTheDocument();
  });

  it('puts director, year, runtime, certification and a non-English language under the title', async () => {
    server({ recommend: () => page([amelie, shawshank]) });
    renderWithProviders(<Deck filters={defaultFilters} onFiltersChange={() => {}} keyboardEnabled />);
    await waitFor(() => expect(topTitle()).toBe('Amélie'));
    const card = screen.getByTestId('top-card');
    const facts = within(card).getByTestId('card-facts');
    expect([...facts.children].map((fact) => fact.textContent)).toEqual(['Jean-Pierre Jeunet', '2001', '2h 2m', 'R', 'French']);
    expect(card).toHaveTextContent('Comedy · Romance');
    expect(card).not.toHaveTextContent('Audrey Tautou');
    fireEvent.click(within(card).getByRole('button', { name: /^More/ }));
    expect(card).toHaveTextContent('With Audrey Tautou, Mathieu Kassovitz');
  });

  it('Like posts feedback with its context and advances the stack', async () => {
    const { requests } = server();
    renderWithProviders(<Deck filters={{ ...defaultFilters, query: 'prison' }} onFiltersChange={() => {}} keyboardEnabled />);
    await waitFor(() => expect(topTitle()).toBe('The Shawshank Redemption'));
    fireEvent.click(screen.getByRole('button', { name: 'Like' }));
    await waitFor(() => expect(topTitle()).toBe('Toy Story'));
    await waitFor(() => expect(requests.some((r) => r.url === '/feedback')).toBe(true));
    const feedback = requests.find((r) => r.url === '/feedback')!;
    expect(feedback.body).toEqual({
      user_id: 'u_1',
      movie_id: 318,
      action: 'like',
      context: { query: 'prison', recommender: 'baseline', model_version: 'baseline-v1', position: 0, page_id: null },
    });
    expect(feedback.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    // The stored like re-ranks what follows the visible cards, leaving those in place.
    await waitFor(() => expect(requests.filter((r) => r.url === '/recommend')).toHaveLength(2));
    expect(requests.filter((r) => r.url === '/recommend')[1]?.body).toMatchObject({ exclude_movie_ids: [318, 1, 296] });
  });

  it('arrow keys swipe: → like, ← dislike, ↓ skip, ↑ watchlist', async () => {
    const { requests } = server();
    renderWithProviders(<Deck filters={defaultFilters} onFiltersChange={() => {}} keyboardEnabled />);
    await waitFor(() => expect(topTitle()).toBe('The Shawshank Redemption'));
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    await waitFor(() => expect(topTitle()).toBe('Toy Story'));
    fireEvent.keyDown(window, { key: 'ArrowDown' });
    await waitFor(() => expect(topTitle()).toBe('Pulp Fiction'));
    fireEvent.keyDown(window, { key: 'ArrowUp' });
    await waitFor(() => expect(topTitle()).toBe('The Matrix'));
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    await waitFor(() => expect(requests.filter((r) => r.url === '/feedback')).toHaveLength(4));
    expect(requests.filter((r) => r.url === '/feedback').map((r) => (r.body as { action: string }).action)).toEqual([
      'dislike',
      'skip',
      'watchlist',
      'like',
    ]);
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT' && r.url === '/users/u_1/watchlist/296')).toBe(true));
  });

  it('ignores arrow keys while typing or when the keyboard belongs to a dialog', async () => {
    const { requests } = server();
    const { rerender } = renderWithProviders(
      <>
        <input aria-label="wish" />
        <Deck filters={defaultFilters} onFiltersChange={() => {}} keyboardEnabled />
      </>,
    );
    await waitFor(() => expect(topTitle()).toBe('The Shawshank Redemption'));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'wish' }), { key: 'ArrowRight' });
    rerender(<Deck filters={defaultFilters} onFiltersChange={() => {}} keyboardEnabled={false} />);
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(topTitle()).toBe('The Shawshank Redemption');
    expect(requests.filter((r) => r.url === '/feedback')).toHaveLength(0);
  });

  it('undo brings the card back and withdraws the stored feedback', async () => {
    const { requests } = server();
    renderWithProviders(<Deck filters={defaultFilters} onFiltersChange={() => {}} keyboardEnabled />);
    await waitFor(() => expect(topTitle()).toBe('The Shawshank Redemption'));
    fireEvent.click(screen.getByRole('button', { name: 'Dislike' }));
    await waitFor(() => expect(topTitle()).toBe('Toy Story'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo last swipe' }));
    await waitFor(() => expect(topTitle()).toBe('The Shawshank Redemption'));
    await waitFor(() => expect(requests.some((r) => r.method === 'DELETE' && r.url === '/users/u_1/feedback/100')).toBe(true));
    expect(screen.getByRole('button', { name: 'Undo last swipe' })).toBeDisabled();
  });

  it('shows the API error inline and recovers on retry', async () => {
    let down = true;
    server({
      recommend: () =>
        down ? problem(503, { title: 'Service Unavailable', detail: 'The model is loading.' }) : page([toyStory]),
    });
    renderWithProviders(<Deck filters={defaultFilters} onFiltersChange={() => {}} keyboardEnabled />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The model is loading.');
    expect(screen.getByRole('button', { name: 'Like' })).toBeDisabled();
    down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(topTitle()).toBe('Toy Story'));
  });

  it('suggests relaxing filters when nothing matches', async () => {
    server({ recommend: () => page([]) });
    const onFiltersChange = vi.fn();
    const filters = { ...defaultFilters, genres: ['Film-Noir'], maxRuntime: 90, minRating: 4 };
    renderWithProviders(<Deck filters={filters} onFiltersChange={onFiltersChange} keyboardEnabled />);
    expect(await screen.findByRole('heading', { name: 'Nothing matches all of that' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Any runtime' }));
    expect(onFiltersChange).toHaveBeenCalledWith({ ...filters, maxRuntime: null });
  });
});
