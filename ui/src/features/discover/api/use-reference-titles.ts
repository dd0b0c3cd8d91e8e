import { useQueries } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { queryKeys } from '@/lib/query-keys';

/** Titles for the reference movies the intent parser recognised ("like Arrival"). */
export function useReferenceTitles(movieIds: readonly number[]): string[] {
  const results = useQueries({
    queries: movieIds.slice(0, 3).map((id) => ({
      queryKey: queryKeys.movie(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.movie(id, signal),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  return results.flatMap((result) => (result.data ? [result.data.title] : []));
}
