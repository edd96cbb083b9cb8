import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query';
import type { AuditPage } from '../../../../contracts/audit.ts';
import { api } from '../../../lib/api-client.ts';

/** The log's filters as the URL holds them; `action` is a category or an action, as the API takes it. */
export interface AuditLogParams {
  action?: string | undefined;
  userId?: string | undefined;
  /** UTC days, `YYYY-MM-DD`, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, in pages of 50 ("Load more" while a next cursor exists). */
export const auditEventsQueryOptions = (params: AuditLogParams) =>
  infiniteQueryOptions({
    queryKey: ['audit', 'list', params],
    queryFn: ({ pageParam }) =>
      api.get<AuditPage>('/api/v1/audit', {
        limit: AUDIT_PAGE_SIZE,
        action: params.action,
        userId: params.userId,
        from: params.from,
        to: params.to,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
