import { infiniteQueryOptions } from '@tanstack/react-query';
import type { TimelinePage } from '../../../../contracts/activities.ts';
import { api } from '../../../lib/api-client.ts';

/** What a timeline belongs to: the API's collection name and the record's id. */
export interface TimelineSubject {
  type: 'leads' | 'customers';
  id: string;
}

export const TIMELINE_PAGE_SIZE = 20;

export function timelinePath(subject: TimelineSubject): string {
  return `/api/v1/${subject.type}/${encodeURIComponent(subject.id)}/activities`;
}

/** Notes and audit events, newest first, in pages; "Load more" follows the cursor. */
export const timelineQueryOptions = (subject: TimelineSubject) =>
  infiniteQueryOptions({
    queryKey: ['activities', subject.type, subject.id],
    queryFn: ({ pageParam }) =>
      api.get<TimelinePage>(timelinePath(subject), {
        limit: TIMELINE_PAGE_SIZE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Edits made elsewhere (a customer's edit form) add events here: refetch on every visit.
    staleTime: 0,
  });
