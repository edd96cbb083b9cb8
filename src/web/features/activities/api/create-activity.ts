import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateActivityInput, TimelineItem } from '../../../../contracts/activities.ts';
import { api } from '../../../lib/api-client.ts';
import { type TimelineSubject, timelinePath } from './list-activities.ts';

export function useCreateActivity(subject: TimelineSubject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateActivityInput) =>
      api.post<TimelineItem>(timelinePath(subject), input),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['activities', subject.type, subject.id] }),
  });
}
