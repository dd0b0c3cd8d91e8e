import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';

const monitoringKey = (bucket: string) => ['admin', 'monitoring', bucket] as const;

/** The monitoring report; refreshed every 30 s while the page is open. */
export function useMonitoring(adminKey: string | null, bucket: 'hour' | 'day') {
  return useQuery({
    queryKey: monitoringKey(bucket),
    queryFn: ({ signal }) => api.monitoring(adminKey!, bucket, signal),
    enabled: adminKey !== null,
    refetchInterval: 30_000,
    retry: false,
  });
}

export function useStartExperiment(adminKey: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (experiment: { name?: string; control_version: string; candidate_version: string; candidate_share: number }) =>
      api.startExperiment(adminKey!, experiment),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useStopExperiment(adminKey: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.stopExperiment(adminKey!),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin'] }),
  });
}
