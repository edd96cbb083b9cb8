import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Lead, LeadStatus } from '../../../../contracts/leads.ts';
import type { Pipeline } from '../../../../contracts/pipeline.ts';
import { api } from '../../../lib/api-client.ts';
import { type PipelineParams, pipelineKey, placeCard, replaceCard } from './get-pipeline.ts';

export interface MoveLeadInput {
  lead: Lead;
  status: LeadStatus;
  /**
   * Move the card at once, before the server answers (an allowed move). A move the lead's
   * `nextStatuses` does not offer is still sent, so the server says why not, but the card
   * stays where it is meanwhile.
   */
  optimistic: boolean;
}

/**
 * A status change from the board (`PATCH /leads/:id { status }`). An optimistic move that the
 * server refuses puts the card back where it was; either way the board then refetches, so it
 * shows what the server holds.
 */
export function useMoveLead(params: PipelineParams) {
  const queryClient = useQueryClient();
  const key = pipelineKey(params);
  return useMutation({
    mutationFn: ({ lead, status }: MoveLeadInput) =>
      api.patch<Lead>(`/api/v1/leads/${encodeURIComponent(lead.id)}`, { status }),
    onMutate: async ({ lead, status, optimistic }) => {
      if (!optimistic) return { index: -1 };
      await queryClient.cancelQueries({ queryKey: key });
      const board = queryClient.getQueryData<Pipeline>(key);
      const index =
        board?.columns
          .find((column) => column.status === lead.status)
          ?.leads.findIndex((l) => l.id === lead.id) ?? -1;
      queryClient.setQueryData<Pipeline>(key, (old) =>
        old ? placeCard(old, { ...lead, statusChangedAt: new Date().toISOString() }, status) : old,
      );
      return { index };
    },
    onError: (_error, { lead }, context) => {
      if (!context || context.index < 0) return;
      queryClient.setQueryData<Pipeline>(key, (old) =>
        old ? placeCard(old, lead, lead.status, context.index) : old,
      );
    },
    onSuccess: (lead) => {
      queryClient.setQueryData(['leads', 'detail', lead.id], lead);
      // Picked up again before the refetch lands, the card already offers its new moves.
      queryClient.setQueryData<Pipeline>(key, (old) => (old ? replaceCard(old, lead) : old));
    },
    onSettled: (_data, _error, { lead }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['leads', 'pipeline'] }),
        queryClient.invalidateQueries({ queryKey: ['leads', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['activities', 'leads', lead.id] }),
      ]),
  });
}
