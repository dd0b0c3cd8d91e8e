import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mapMovieRecToUI } from '@/lib/mappers';
import { apiMovie, shawshank } from '@/testing/movies';
import { Poster } from './Poster';

describe('Poster', () => {
  it('shows the generated title card when the movie has no poster', () => {
    const { container } = render(
      <Poster movie={mapMovieRecToUI(apiMovie({ movie_id: 3, title: 'Grumpier Old Men', year: 1995 }))} />,
    );
    expect(container.querySelector('img')).toBeNull();
    const placeholder = screen.getByTestId('poster-placeholder');
    expect(placeholder).toHaveTextContent('Grumpier Old Men');
    expect(placeholder).toHaveTextContent('1995');
    expect(placeholder).toHaveTextContent('GO');
  });

  it('falls back to the generated title card when the poster fails to load', () => {
    const { container } = render(<Poster movie={mapMovieRecToUI(shawshank)} />);
    const image = container.querySelector('img');
    expect(image).toHaveAttribute('src', shawshank.poster_url);
    fireEvent.error(image!);
    expect(container.querySelector('img')).toBeNull();
    expect(container.firstElementChild).toHaveAttribute('data-poster-state', 'failed');
    expect(screen.getByTestId('poster-placeholder')).not.toHaveClass('opacity-0');
  });

  it('hides the generated card once the real poster has loaded', () => {
    const { container } = render(<Poster movie={mapMovieRecToUI(shawshank)} />);
    fireEvent.load(container.querySelector('img')!);
    expect(container.firstElementChild).toHaveAttribute('data-poster-state', 'loaded');
    expect(screen.getByTestId('poster-placeholder')).toHaveClass('opacity-0');
  });
});
