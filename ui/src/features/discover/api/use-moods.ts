import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api';
import { type UIMood, mapMoods } from '@/lib/mappers';
import { queryKeys } from '@/lib/query-keys';

/**
 * OFFLINE FALLBACK ONLY — used solely when the server answers that GET /moods does not exist (a
 * server older than the intent parser). The chips then send these words as `moods`, which such a
 * server ignores, so the panel says the list is a fallback. Never used when /moods answers.
 */
export const FALLBACK_MOODS_WHEN_API_HAS_NO_MOODS: readonly UIMood[] = [
  { value: 'cozy', label: 'Cozy', description: null },
  { value: 'funny', label: 'Funny', description: null },
  { value: 'feel-good', label: 'Feel-good', description: null },
  { value: 'scary', label: 'Scary', description: null },
  { value: 'mind-bending', label: 'Mind-bending', description: null },
  { value: 'tearjerker', label: 'Tearjerker', description: null },
  { value: 'thrilling', label: 'Thrilling', description: null },
  { value: 'romantic', label: 'Romantic', description: null },
];

export interface MoodVocabulary {
  moods: readonly UIMood[];
  source: 'api' | 'fallback';
}

export function useMoods() {
  return useQuery({
    queryKey: queryKeys.moods,
    queryFn: async ({ signal }): Promise<MoodVocabulary> => {
      try {
        return { moods: mapMoods(await api.moods(signal)), source: 'api' };
      } catch (error) {
        if (isApiError(error) && error.isUnavailable) return { moods: FALLBACK_MOODS_WHEN_API_HAS_NO_MOODS, source: 'fallback' };
        throw error;
      }
    },
    staleTime: 10 * 60_000,
  });
}
