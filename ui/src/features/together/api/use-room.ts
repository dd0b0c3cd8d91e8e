import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api';
import type { ApiRoom, ApiRoomDeck, CreateRoomRequest } from '@/lib/api-schemas';
import { queryKeys } from '@/lib/query-keys';
import { withSession } from '@/lib/session';

/** Cards fetched at a time; more are asked for when the last one is left. */
const DECK_PAGE = 5;

export function useRoom(code: string) {
  return useQuery({
    queryKey: queryKeys.room(code),
    queryFn: ({ signal }) => withSession((session) => api.room(session, code, signal)),
    retry: (failures, error) => !(isApiError(error) && error.kind === 'http') && failures < 2,
  });
}

export function useRoomDeck(code: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.roomDeck(code),
    queryFn: ({ signal }) => withSession((session) => api.roomDeck(session, code, DECK_PAGE, signal)),
    enabled,
    retry: (failures, error) => !(isApiError(error) && error.kind === 'http') && failures < 2,
  });
}

export function useCreateRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateRoomRequest) => withSession((session) => api.createRoom(session, request)),
    onSuccess: (room) => queryClient.setQueryData(queryKeys.room(room.code), room),
  });
}

export function useJoinRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, displayName }: { code: string; displayName: string }) =>
      withSession((session) => api.joinRoom(session, code, displayName)),
    onSuccess: (room) => {
      queryClient.setQueryData(queryKeys.room(room.code), room);
      void queryClient.invalidateQueries({ queryKey: queryKeys.roomDeck(room.code) });
    },
  });
}

export function useVote(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ movieId, vote }: { movieId: number; vote: 'like' | 'dislike' }) =>
      withSession((session) => api.voteInRoom(session, code, movieId, vote)),
    onMutate: ({ movieId }) => {
      // The card leaves at once; the deck is fetched again when the last one is showing.
      const deck = queryClient.setQueryData<ApiRoomDeck>(queryKeys.roomDeck(code), (current) =>
        current ? { ...current, cards: current.cards.filter((card) => card.movie.movie_id !== movieId) } : current,
      );
      if (!deck || deck.cards.length <= 1) void queryClient.invalidateQueries({ queryKey: queryKeys.roomDeck(code) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.room(code) }),
  });
}

export function useChoose(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (movieId: number) => withSession((session) => api.chooseInRoom(session, code, movieId)),
    onSuccess: (room: ApiRoom) => queryClient.setQueryData(queryKeys.room(code), room),
  });
}
