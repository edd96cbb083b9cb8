import {
  type Active,
  type Announcements,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  type PointerSensorOptions,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { Alert, Box, Button, Group, Skeleton, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type PointerEvent as ReactPointerEvent,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import {
  type Lead,
  type LeadStatus,
  leadStatuses,
  leadStatusLabels,
  openLeadStatuses,
} from '../../../../contracts/leads.ts';
import type { Pipeline } from '../../../../contracts/pipeline.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { formatAmount } from '../../../lib/money.ts';
import {
  appendPage,
  fetchPipelineColumn,
  type PipelineParams,
  pipelineKey,
  pipelineQueryOptions,
  placeCard,
} from '../api/get-pipeline.ts';
import { useMoveLead } from '../api/move-lead.ts';
import { ConvertLeadDialog } from './convert-lead-dialog.tsx';
import { hasFilters, LeadFilters } from './lead-filters.tsx';
import { fullName, statusColors } from './lead-format.ts';
import { LostReasonModal } from './lost-reason-modal.tsx';
import classes from './pipeline-board.module.css';
import { PipelineCardOverlay } from './pipeline-card.tsx';
import { type DropState, PipelineColumn } from './pipeline-column.tsx';

/**
 * Where a lead may be dropped, from what the server sent with it and nothing else: its
 * `nextStatuses` (a PATCH), and `can.convert` for the Converted column (the conversion).
 */
export function dropStateFor(lead: Lead, status: LeadStatus): DropState {
  if (status === lead.status) return { kind: 'source' };
  if (status === 'converted') {
    return lead.can.convert
      ? { kind: 'allowed', hint: 'Drop to convert' }
      : {
          kind: 'forbidden',
          reason: lead.status === 'qualified' ? 'You cannot convert it' : 'Only from Qualified',
        };
  }
  if (lead.nextStatuses.includes(status)) {
    const hint =
      status === 'lost'
        ? 'Drop, then give a reason'
        : lead.status === 'lost'
          ? 'Drop to reopen'
          : 'Drop to move here';
    return { kind: 'allowed', hint };
  }
  return { kind: 'forbidden', reason: `Not allowed from ${leadStatusLabels[lead.status]}` };
}

const leadOf = (active: Active | null): Lead | undefined =>
  (active?.data.current as { lead?: Lead } | undefined)?.lead;

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

const allowedTargets = (lead: Lead) =>
  leadStatuses.filter((status) => dropStateFor(lead, status).kind === 'allowed');

/**
 * What a screen reader hears while a card moves, in plain words. A drag starts over the card's
 * own column: that is not news, and saying it would cut off "Picked up…".
 */
function makeAnnouncements(): Announcements {
  let leftHome = false;
  return {
    onDragStart({ active }) {
      leftHome = false;
      const lead = leadOf(active);
      if (!lead) return undefined;
      const targets = allowedTargets(lead).map((status) => leadStatusLabels[status]);
      return `Picked up lead ${fullName(lead)} in ${leadStatusLabels[lead.status]}. ${
        targets.length > 0
          ? `It can move to ${listWords(targets)}: use the left and right arrow keys, then Space to drop.`
          : 'It cannot move to another column.'
      } Escape cancels.`;
    },
    onDragOver({ active, over }) {
      const lead = leadOf(active);
      if (!lead) return undefined;
      if (!over) return `${fullName(lead)} is not over a column.`;
      const status = over.id as LeadStatus;
      const state = dropStateFor(lead, status);
      const label = leadStatusLabels[status];
      if (state.kind === 'source') {
        return leftHome ? `Back over ${label}, where ${fullName(lead)} is now.` : undefined;
      }
      leftHome = true;
      if (state.kind === 'forbidden') {
        return `Over ${label}: ${fullName(lead)} cannot move there. ${state.reason}.`;
      }
      return `Over ${label}. Drop to move ${fullName(lead)} to ${label}.`;
    },
    onDragEnd({ active, over }) {
      const lead = leadOf(active);
      if (!lead) return undefined;
      const stays = `${fullName(lead)} stays in ${leadStatusLabels[lead.status]}.`;
      if (!over || over.id === lead.status) return `Dropped. ${stays}`;
      const status = over.id as LeadStatus;
      if (dropStateFor(lead, status).kind === 'forbidden') {
        return `${fullName(lead)} cannot move to ${leadStatusLabels[status]}. ${stays}`;
      }
      return `Dropped ${fullName(lead)} on ${leadStatusLabels[status]}.`;
    },
    onDragCancel({ active }) {
      const lead = leadOf(active);
      if (!lead) return undefined;
      return `Moving cancelled. ${fullName(lead)} stays in ${leadStatusLabels[lead.status]}.`;
    },
  };
}

const screenReaderInstructions = {
  draggable:
    'To move this lead to another column, press Space. Use the left and right arrow keys to ' +
    'choose a column, then press Space to drop it there, or Escape to cancel.',
};

/** Mouse and pen drag from anywhere on a card; touch is the TouchSensor's (a long press). */
class MouseAndPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: (
        { nativeEvent: event }: ReactPointerEvent,
        { onActivation }: PointerSensorOptions,
      ) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === 'touch') return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

/** The pointer's column when there is a pointer; otherwise (the keyboard) the card's. */
const collisionDetection: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

type Dialog = { kind: 'lost' | 'convert'; lead: Lead; index: number };
type Paging = Partial<Record<LeadStatus, 'loading' | 'failed'>>;

function BoardSkeleton() {
  return (
    <div className={classes.board} aria-busy="true">
      <VisuallyHidden>Loading the pipeline…</VisuallyHidden>
      {leadStatuses.map((status) => (
        <section
          key={status}
          className={classes.column}
          style={{ '--column-color': `var(--mantine-color-${statusColors[status]}-6)` } as never}
        >
          <header className={classes.header}>
            <Group justify="space-between" wrap="nowrap">
              <h2 className={classes.title}>{leadStatusLabels[status]}</h2>
              <Skeleton h={14} w={56} />
            </Group>
          </header>
          <div className={classes.cards}>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={104} radius="md" />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

/**
 * The pipeline board: filters in the URL, five columns, cards dragged with the mouse, touch
 * or the keyboard. What may go where comes from each lead's `can` and `nextStatuses`; the
 * server has the last word, and a refusal puts the card back with its message.
 */
export function PipelineBoard({
  params,
  onParamsChange,
  showOwnerFilter,
}: {
  params: PipelineParams;
  onParamsChange: (params: PipelineParams) => void;
  showOwnerFilter: boolean;
}) {
  const queryClient = useQueryClient();
  const key = pipelineKey(params);
  const query = useQuery(pipelineQueryOptions(params));
  const move = useMoveLead(params);
  const [active, setActive] = useState<Lead | null>(null);
  const activeRef = useRef<Lead | null>(null);
  const [pendingIds, setPendingIds] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [announcements] = useState(makeAnnouncements);
  const dialogDone = useRef(false);
  // A card moved with the keyboard lands in another column as a new element (and may land again
  // on a rollback or a refetch): until the user goes elsewhere, its grip takes back a focus that
  // fell to the page, also once a dialog it opened closes.
  const refocusId = useRef<string | null>(null);
  useEffect(() => {
    const forget = (event: Event) => {
      const id = refocusId.current;
      const target = event.target instanceof Element ? event.target : null;
      if (!id || target?.closest('[role="dialog"]')) return;
      if (event.type === 'pointerdown' || !target?.closest(`[data-lead-id="${CSS.escape(id)}"]`)) {
        refocusId.current = null;
      }
    };
    document.addEventListener('focusin', forget);
    document.addEventListener('pointerdown', forget);
    return () => {
      document.removeEventListener('focusin', forget);
      document.removeEventListener('pointerdown', forget);
    };
  }, []);
  useEffect(() => {
    const id = refocusId.current;
    const focused = document.activeElement;
    if (!id || dialog || (focused && focused !== document.body)) return;
    document
      .querySelector<HTMLElement>(
        `[data-lead-id="${CSS.escape(id)}"] [aria-roledescription="draggable lead"]`,
      )
      ?.focus();
  });

  // Paging is per column and per view: a new filter starts every column afresh.
  const viewKey = JSON.stringify(key);
  const [paging, setPaging] = useState<{ view: string; columns: Paging }>({
    view: viewKey,
    columns: {},
  });
  const columnsPaging = paging.view === viewKey ? paging.columns : {};
  const setColumnPaging = (status: LeadStatus, state: 'loading' | 'failed' | undefined) =>
    setPaging((old) => ({
      view: viewKey,
      columns: { ...(old.view === viewKey ? old.columns : {}), [status]: state },
    }));
  const loadingRef = useRef(new Set<string>());

  const loadMore = async (status: LeadStatus) => {
    const column = queryClient
      .getQueryData<Pipeline>(key)
      ?.columns.find((candidate) => candidate.status === status);
    const cursor = column?.nextCursor;
    const loadingId = `${viewKey}:${status}`;
    if (!cursor || loadingRef.current.has(loadingId)) return;
    loadingRef.current.add(loadingId);
    setColumnPaging(status, 'loading');
    try {
      const page = await fetchPipelineColumn(params, status, cursor);
      queryClient.setQueryData<Pipeline>(key, (old) =>
        old && page
          ? {
              columns: old.columns.map((c) =>
                // A refetch meanwhile restarted the column: this page no longer follows on.
                c.status === status && c.nextCursor === cursor ? appendPage(c, page) : c,
              ),
            }
          : old,
      );
      setColumnPaging(status, undefined);
    } catch {
      setColumnPaging(status, 'failed');
    } finally {
      loadingRef.current.delete(loadingId);
    }
  };

  // Arrow keys jump the card from column to column, skipping those it may not go to.
  const coordinateGetter = useCallback<KeyboardCoordinateGetter>(
    (event, { context, currentCoordinates }) => {
      const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
      if (event.code === 'ArrowUp' || event.code === 'ArrowDown') event.preventDefault();
      const lead = activeRef.current;
      const card = context.collisionRect;
      if (step === 0 || !lead || !card) return undefined;
      event.preventDefault();
      const columns = context.droppableContainers
        .getEnabled()
        .flatMap((container) => {
          const rect = context.droppableRects.get(container.id);
          return rect ? [{ status: container.id as LeadStatus, rect }] : [];
        })
        .sort((a, b) => a.rect.left - b.rect.left);
      const middle = card.left + card.width / 2;
      let index = columns.findIndex(
        ({ rect }) => middle >= rect.left && middle <= rect.left + rect.width,
      );
      if (index < 0) index = columns.findIndex(({ status }) => status === lead.status);
      for (let i = index + step; i >= 0 && i < columns.length; i += step) {
        const target = columns[i];
        if (!target || dropStateFor(lead, target.status).kind === 'forbidden') continue;
        const left = target.rect.left + (target.rect.width - card.width) / 2;
        return { x: currentCoordinates.x + (left - card.left), y: currentCoordinates.y };
      }
      return undefined;
    },
    [],
  );

  const sensors = useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 220, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  const setPending = (id: string, pending: boolean) =>
    setPendingIds((old) => {
      const next = new Set(old);
      if (pending) next.add(id);
      else next.delete(id);
      return next;
    });

  /** Puts a card in a column now, for a dialog to confirm; returns where it was. */
  const placeForDialog = (lead: Lead, status: LeadStatus): number => {
    const board = queryClient.getQueryData<Pipeline>(key);
    const index =
      board?.columns
        .find((column) => column.status === lead.status)
        ?.leads.findIndex((l) => l.id === lead.id) ?? 0;
    void queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData<Pipeline>(key, (old) =>
      old ? placeCard(old, { ...lead, statusChangedAt: new Date().toISOString() }, status) : old,
    );
    return Math.max(0, index);
  };

  const closeDialog = () => {
    if (dialog && !dialogDone.current) {
      // Cancelled: the card goes back, and the board checks with the server.
      queryClient.setQueryData<Pipeline>(key, (old) =>
        old ? placeCard(old, dialog.lead, dialog.lead.status, dialog.index) : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['leads', 'pipeline'] });
    }
    dialogDone.current = false;
    setDialog(null);
  };

  const onDragStart = ({ active: dragged }: DragStartEvent) => {
    const lead = leadOf(dragged) ?? null;
    activeRef.current = lead;
    setActive(lead);
  };

  const endDrag = () => {
    activeRef.current = null;
    setActive(null);
  };

  const onDragEnd = ({ active: dragged, over, activatorEvent }: DragEndEvent) => {
    endDrag();
    const lead = leadOf(dragged);
    if (lead && activatorEvent instanceof KeyboardEvent) refocusId.current = lead.id;
    if (!lead || !over || over.id === lead.status) return;
    const status = over.id as LeadStatus;
    const state = dropStateFor(lead, status);
    if (state.kind === 'allowed' && (status === 'lost' || status === 'converted')) {
      dialogDone.current = false;
      setDialog({
        kind: status === 'lost' ? 'lost' : 'convert',
        lead,
        index: placeForDialog(lead, status),
      });
      return;
    }
    // An allowed move shows at once; a forbidden one is still asked, so the server says why.
    const optimistic = state.kind === 'allowed';
    setPending(lead.id, true);
    move
      .mutateAsync({ lead, status, optimistic })
      .then(() => {
        if (!optimistic) {
          notifications.show({
            color: 'green',
            message: `${fullName(lead)} is now ${leadStatusLabels[status]}.`,
          });
        }
      })
      .catch((error: unknown) => {
        notifications.show({
          color: 'red',
          title: `${fullName(lead)} was not moved`,
          message: errorMessage(error),
        });
      })
      .finally(() => setPending(lead.id, false));
  };

  const board = query.data;
  const filtered = hasFilters(params);
  const open = board?.columns.filter((column) =>
    (openLeadStatuses as readonly string[]).includes(column.status),
  );
  const openCount = open?.reduce((sum, column) => sum + column.count, 0) ?? 0;
  const openValue = open?.reduce((sum, column) => sum + column.value, 0) ?? 0;
  const total = board?.columns.reduce((sum, column) => sum + column.count, 0) ?? 0;

  return (
    <div className={classes.root}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Box style={{ flex: '1 1 320px', minWidth: 0 }}>
          <LeadFilters
            params={params}
            onParamsChange={(next) =>
              onParamsChange({ q: next.q, ownerId: next.ownerId, source: next.source })
            }
            showOwner={showOwnerFilter}
            showStatus={false}
          />
        </Box>
        {board ? (
          <Text size="sm" c="dimmed" aria-live="polite" pt={{ base: 0, sm: 8 }}>
            {total === 0 && filtered ? (
              'No leads match these filters'
            ) : (
              <>
                <Text span fw={600} c="var(--mantine-color-text)" inherit>
                  {openCount.toLocaleString()}
                </Text>{' '}
                open {openCount === 1 ? 'lead' : 'leads'} ·{' '}
                <Text span fw={600} c="var(--mantine-color-text)" inherit>
                  {formatAmount(openValue)}
                </Text>{' '}
                in play
              </>
            )}
          </Text>
        ) : null}
      </Group>

      {query.isError && !board ? (
        <Alert color="red" role="alert" title="The pipeline could not be loaded">
          <Text size="sm" mb="xs">
            {errorMessage(query.error)}
          </Text>
          <Button size="xs" variant="default" onClick={() => void query.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !board ? (
        <BoardSkeleton />
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={collisionDetection}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={endDrag}
          accessibility={{ announcements, screenReaderInstructions }}
        >
          <div className={classes.board} data-dragging={active ? true : undefined}>
            {board.columns.map((column) => (
              <PipelineColumn
                key={column.status}
                column={column}
                drop={active ? dropStateFor(active, column.status) : null}
                pendingIds={pendingIds}
                paging={{
                  loading: columnsPaging[column.status] === 'loading',
                  failed: columnsPaging[column.status] === 'failed',
                  loadMore: () => void loadMore(column.status),
                }}
              />
            ))}
          </div>
          <DragOverlay dropAnimation={null}>
            {active ? <PipelineCardOverlay lead={active} /> : null}
          </DragOverlay>
        </DndContext>
      )}

      {dialog?.kind === 'lost' ? (
        <LostReasonModal
          lead={dialog.lead}
          opened
          onClose={closeDialog}
          onLost={() => {
            dialogDone.current = true;
          }}
        />
      ) : null}
      {dialog?.kind === 'convert' ? (
        <ConvertLeadDialog
          lead={dialog.lead}
          opened
          onClose={closeDialog}
          onConverted={() => {
            dialogDone.current = true;
          }}
        />
      ) : null}
    </div>
  );
}
