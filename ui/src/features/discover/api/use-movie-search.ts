import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api';
import { type UIMovie, mapMovieRecToUI } from '@/lib/mappers';
import { queryKeys } from '@/lib/query-keys';

/** Title search for the "like …" picker; `available` is false on servers without /movies/search. */
export function useMovieSearch(query: string) {
  const trimmed = query.trim();
  const result = useQuery<UIMovie[], Error, UIMovie[], readonly ['movie-search', string]>({
    queryKey: queryKeys.search(trimmed.toLowerCase()),
    queryFn: ({ signal }) => api.searchMovies(trimmed, signal).then((response) => response.items.map(mapMovieRecToUI)),
    enabled: trimmed.length >= 2,
    placeholderData: (previous: UIMovie[] | undefined) => previous,
    staleTime: 5 * 60_000,
    retry: (failures, error) => failures < 2 && !(isApiError(error) && (error.isUnavailable || error.kind === 'http')),
  });
  const available = !(isApiError(result.error) && result.error.isUnavailable);
  return {
    data: result.data,
    error: result.error,
    isError: result.isError,
    isSuccess: result.isSuccess,
    isFetching: result.isFetching,
    available,
  };
}
