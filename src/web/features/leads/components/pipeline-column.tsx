import { useDroppable } from '@dnd-kit/core';
import { Badge, Button, Group, Loader, Text } from '@mantine/core';
import { IconArrowDown, IconBan, IconCornerDownLeft } from '@tabler/icons-react';
import { type CSSProperties, useEffect, useRef } from 'react';
import { leadStatusLabels } from '../../../../contracts/leads.ts';
import type { PipelineColumn as Column } from '../../../../contracts/pipeline.ts';
import { formatAmount } from '../../../lib/money.ts';
import { statusColors } from './lead-format.ts';
import classes from './pipeline-board.module.css';
import { PipelineCard } from './pipeline-card.tsx';

/** What a column is to the card being dragged: its own, a place it may go, or not. */
export type DropState =
  | { kind: 'source' }
  | { kind: 'allowed'; hint: string }
  | { kind: 'forbidden'; reason: string };

export interface ColumnPaging {
  loading: boolean;
  failed: boolean;
  loadMore: () => void;
}

function DropHint({ state }: { state: DropState }) {
  if (state.kind === 'source') return null;
  return (
    <div className={classes.dropHint} data-kind={state.kind} data-testid="drop-hint">
      {state.kind === 'forbidden' ? (
        <>
          <IconBan size={13} aria-hidden style={{ flexShrink: 0 }} />
          {state.reason}
        </>
      ) : (
        <>
          <IconCornerDownLeft size={13} aria-hidden style={{ flexShrink: 0 }} />
          {state.hint}
        </>
      )}
    </div>
  );
}

/**
 * One status: its name, count and total value over every matching lead, then its cards,
 * scrolling on its own and fetching the next page as its end comes into view.
 */
export function PipelineColumn({
  column,
  drop,
  pendingIds,
  paging,
}: {
  column: Column;
  drop: DropState | null;
  pendingIds: ReadonlySet<string>;
  paging: ColumnPaging;
}) {
  const { status } = column;
  const label = leadStatusLabels[status];
  const { setNodeRef, isOver } = useDroppable({ id: status, data: { status } });
  const listRef = useRef<HTMLUListElement>(null);
  const sentinelRef = useRef<HTMLLIElement>(null);
  const loadMoreRef = useRef(paging.loadMore);
  loadMoreRef.current = paging.loadMore;
  const hasMore = Boolean(column.nextCursor);
  const headingId = `pipeline-column-${status}`;

  // The next page comes as the end of the column nears, unless the last try failed (then a
  // button retries): a column that stays short keeps loading until it fills or ends.
  useEffect(() => {
    const root = listRef.current;
    const target = sentinelRef.current;
    if (!root || !target || !hasMore || paging.loading || paging.failed) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadMoreRef.current();
      },
      { root, rootMargin: '0px 0px 240px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, paging.loading, paging.failed]);

  const remaining = Math.max(0, column.count - column.leads.length);
  return (
    <section
      ref={setNodeRef}
      className={classes.column}
      aria-labelledby={headingId}
      data-testid={`pipeline-column-${status}`}
      data-drop={drop?.kind}
      data-over={(isOver && drop && drop.kind !== 'source') || undefined}
      style={
        { '--column-color': `var(--mantine-color-${statusColors[status]}-6)` } as CSSProperties
      }
    >
      <header className={classes.header}>
        <Group gap={8} wrap="nowrap">
          <h2 id={headingId} className={classes.title}>
            {label}
          </h2>
          <Badge
            variant="light"
            color={statusColors[status]}
            size="sm"
            radius="sm"
            data-testid="column-count"
            aria-label={`${column.count} ${column.count === 1 ? 'lead' : 'leads'}`}
            style={{ flexShrink: 0 }}
          >
            {column.count.toLocaleString()}
          </Badge>
        </Group>
        {/* While a card is in the air, the total makes room for where it may go. */}
        <div className={classes.subline}>
          {drop && drop.kind !== 'source' ? (
            <DropHint state={drop} />
          ) : (
            <Text
              size="sm"
              fw={600}
              c="dimmed"
              truncate
              data-testid="column-value"
              aria-label={`Total value ${formatAmount(column.value)}`}
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              {formatAmount(column.value)}
            </Text>
          )}
        </div>
      </header>
      <ul className={classes.cards} ref={listRef} aria-label={`${label} leads`}>
        {column.leads.length === 0 ? (
          <li className={classes.empty}>{drop?.kind === 'allowed' ? 'Drop here' : 'No leads'}</li>
        ) : (
          column.leads.map((lead) => (
            <li key={lead.id}>
              <PipelineCard lead={lead} pending={pendingIds.has(lead.id)} />
            </li>
          ))
        )}
        {hasMore ? (
          <li ref={sentinelRef} className={classes.more}>
            {paging.loading ? (
              <Group gap={8} py={6} role="status">
                <Loader size={14} />
                <Text size="xs" c="dimmed">
                  Loading…
                </Text>
              </Group>
            ) : (
              <Button
                variant="subtle"
                size="compact-xs"
                color={paging.failed ? 'red' : 'gray'}
                leftSection={<IconArrowDown size={12} />}
                onClick={paging.loadMore}
              >
                {paging.failed ? 'Could not load · Retry' : `Show more (${remaining} left)`}
              </Button>
            )}
          </li>
        ) : null}
      </ul>
    </section>
  );
}
