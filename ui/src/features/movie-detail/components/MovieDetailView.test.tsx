import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiMovieDetail } from '@/lib/api-schemas';
import { fakeFetch, json, on } from '@/testing/fake-fetch';
import { apiMovieDetail, fellowship } from '@/testing/movies';
import { renderWithProviders } from '@/testing/render';
import { MovieDetailView } from './MovieDetailView';

function server(movie: ApiMovieDetail) {
  return fakeFetch(
    on('GET', `/movies/${movie.movie_id}`, json(movie)),
    on('GET', `/movies/${movie.movie_id}/similar`, json({ movie_id: movie.movie_id, method: 'content', items: [] })),
    on('GET', '/users/u_1/watchlist', json({ user_id: 'u_1', items: [] })),
  );
}

const jumanji = apiMovieDetail({ movie_id: 2, title: 'Jumanji', year: 1995, genres: ['Adventure'], runtime_minutes: 104 });

beforeEach(() => localStorage.setItem('marquee.session', JSON.stringify({ user_id: 'u_1', token: 'tok' })));
afterEach(() => vi.unstubAllGlobals());

describe('MovieDetailView', () => {
  it('shows director, franchise, certification, credits, countries and keywords', async () => {
    server(fellowship);
    renderWithProviders(<MovieDetailView movieId={4993} />);

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(
      'The Lord of the Rings: The Fellowship of the Ring',
    );
    expect(screen.getByText(/^Directed by/)).toHaveTextContent('Directed by Peter Jackson');
    expect(screen.getByText(/^Part of/)).toHaveTextContent('Part of The Lord of the Rings Collection');
    expect(screen.getByTitle('Rated PG-13 (United States)')).toHaveTextContent('Rated PG-13 (United States)');
    expect(screen.getByText(/2001 · 2h 59m · English/)).toBeInTheDocument();
    const credits = screen.getByRole('region', { name: 'Cast & crew' });
    const row = (term: string) => within(credits).getByText(term).nextElementSibling;
    expect(row('Starring')).toHaveTextContent('Elijah Wood, Ian McKellen, Viggo Mortensen, Sean Astin');
    expect(row('Written by')).toHaveTextContent('Fran Walsh, Philippa Boyens, Peter Jackson');
    expect(row('Studios')).toHaveTextContent('New Line Cinema, WingNut Films');
    expect(row('Countries')).toHaveTextContent('New Zealand, United States');
    const keywords = within(screen.getByRole('list', { name: 'Keywords' })).getAllByRole('listitem');
    expect(keywords.map((chip) => chip.textContent)).toEqual(['elves', 'hobbit', 'quest']);
    expect(screen.getByText(/Also known as/)).toHaveTextContent('Also known as Der Herr der Ringe: Die Gefährten');
  });

  it('marks the original title with its language', async () => {
    server(
      apiMovieDetail({
        movie_id: 4973,
        title: 'Amélie',
        original_title: "Le Fabuleux Destin d'Amélie Poulain",
        original_language: 'fr',
      }),
    );
    renderWithProviders(<MovieDetailView movieId={4973} />);

    const original = await screen.findByText("Le Fabuleux Destin d'Amélie Poulain");
    expect(original).toHaveAttribute('lang', 'fr');
    expect(screen.getByText(/Original title:/)).toBeInTheDocument();
    expect(screen.getByText(/French/)).toBeInTheDocument();
  });

  it('shows the first eight of a long cast and the rest on request', async () => {
    const cast = Array.from({ length: 11 }, (_, i) => ({ name: `Actor ${i + 1}`, tmdb_id: null }));
    server(apiMovieDetail({ movie_id: 7, title: 'Ensemble', cast }));
    renderWithProviders(<MovieDetailView movieId={7} />);

    const more = await screen.findByRole('button', { name: '+3 more' });
    expect(screen.queryByText(/Actor 9/)).toBeNull();
    fireEvent.click(more);
    expect(screen.getByText(/Actor 11/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Fewer' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('renders a movie without credits or languages without empty labels', async () => {
    server(jumanji);
    renderWithProviders(<MovieDetailView movieId={2} />);

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Jumanji');
    expect(screen.getByText('1995 · 1h 44m')).toBeInTheDocument();
    expect(screen.queryByText(/Directed by/)).toBeNull();
    expect(screen.queryByText(/Part of/)).toBeNull();
    expect(screen.queryByText(/Original title/)).toBeNull();
    expect(screen.queryByRole('region', { name: 'Cast & crew' })).toBeNull();
    expect(screen.getByTestId('backdrop')).toHaveAttribute('data-backdrop-state', 'none');
  });

  it('falls back to the generated backdrop when the image fails to load', async () => {
    server(fellowship);
    renderWithProviders(<MovieDetailView movieId={4993} />);

    const backdrop = await screen.findByTestId('backdrop');
    const image = backdrop.querySelector('img');
    expect(image).toHaveAttribute('src', fellowship.backdrop_url);
    fireEvent.error(image!);
    expect(backdrop).toHaveAttribute('data-backdrop-state', 'failed');
    expect(backdrop.querySelector('img')).toBeNull();
  });

  it('names every director on the page, where a card counts the rest', async () => {
    const directors = ['Joel Coen', 'Ethan Coen', 'Someone Else'].map((name) => ({ name, tmdb_id: null }));
    server(apiMovieDetail({ movie_id: 9, title: 'Trio', directors }));
    renderWithProviders(<MovieDetailView movieId={9} />);

    expect(await screen.findByText(/^Directed by/)).toHaveTextContent('Directed by Joel Coen, Ethan Coen, and Someone Else');
  });

  it('marks a short film as such', async () => {
    server(apiMovieDetail({ movie_id: 8, title: 'Paperman', year: 2012, runtime_minutes: 7, is_short: true }));
    renderWithProviders(<MovieDetailView movieId={8} />);

    expect(await screen.findByText('2012 · Short · 7 min')).toBeInTheDocument();
  });
});
