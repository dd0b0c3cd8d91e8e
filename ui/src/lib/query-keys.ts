/** Cache keys shared by features that read or change the same server state. */
export const queryKeys = {
  health: ['health'] as const,
  genres: ['genres'] as const,
  moods: ['moods'] as const,
  watchlist: ['watchlist'] as const,
  feedback: ['feedback'] as const,
  movie: (id: number) => ['movie', id] as const,
  similar: (id: number) => ['movie', id, 'similar'] as const,
  search: (query: string) => ['movie-search', query] as const,
  room: (code: string) => ['room', code] as const,
  roomDeck: (code: string) => ['room', code, 'deck'] as const,
};
