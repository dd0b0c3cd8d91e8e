import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { newIdempotencyKey } from '@/lib/ids';
import { queryKeys } from '@/lib/query-keys';
import { withSession } from '@/lib/session';
import type { StarterPick } from './use-starter-picks';

export type StarterVerdict = 'like' | 'dislike';

export interface Rating {
  verdict: StarterVerdict;
  feedbackId: number;
}

/** Stores a verdict, replacing (undoing) an earlier one for the same film. */
export function useRateStarter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      pick: StarterPick;
      position: number;
      verdict: StarterVerdict | null;
      previous: Rating | null;
    }) => {
      const { pick, position, verdict, previous } = input;
      if (previous) await withSession((session) => api.undoFeedback(session, previous.feedbackId));
      if (verdict === null) return null;
      const created = await withSession((session) =>
        api.postFeedback(
          session,
          {
            movie_id: pick.movie.id,
            action: verdict,
            context: {
              query: null,
              recommender: pick.provenance.recommender,
              model_version: pick.provenance.modelVersion,
              page_id: pick.provenance.pageId,
              position,
            },
          },
          newIdempotencyKey(),
        ),
      );
      return { verdict, feedbackId: created.id } satisfies Rating;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.feedback }),
  });
}
