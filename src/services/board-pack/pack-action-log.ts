/** The action log of a board pack: overdue, due before the next board, completed since the last, and moved dates. */
import { type Cell, cell, type Section, type Table } from '../../documents/document.js';
import { type Day, daysBetween, formatUkDate } from '../../domain/dates.js';
import type { BoardPackSnapshot, PackAction } from './types.js';

const STATUS: Readonly<Record<PackAction['status'], string>> = {
  open: 'Open',
  done: 'Completed',
  verified: 'Verified',
  dropped: 'Dropped',
};

/** One table of actions; `list` names the part of the log, for the CSV and workbook too. */
export function actionTable(caption: string, actions: PackAction[], asOf: Day, list?: string): Table {
  return {
    caption,
    columns: [
      ...(list ? [{ label: 'List', width: 14 }] : []),
      { label: 'Action', width: 42 },
      { label: 'Workstream', width: 11 },
      { label: 'Owner', width: 16 },
      { label: 'Due', width: 11 },
      { label: 'Date moved', width: 9 },
      { label: 'Status', width: 13 },
    ],
    rows: actions.map((a): Cell[] => [
      ...(list ? [cell(list)] : []),
      cell(`A-${a.number} ${a.text}`),
      cell(a.code),
      cell(a.owner),
      cell(formatUkDate(a.dueDate)),
      cell(a.dateMoves === 0 ? 'no' : a.dateMoves === 1 ? 'once' : `${a.dateMoves} times`, {
        bold: a.dateMoves > 2,
      }),
      cell(statusOf(a, asOf)),
    ]),
  };
}

function statusOf(a: PackAction, asOf: Day): string {
  const late = daysBetween(a.dueDate, asOf);
  if (a.status === 'open' && late > 0) return `${late} ${late === 1 ? 'day' : 'days'} overdue`;
  if (a.status === 'verified' && a.verifiedOn) return `Verified ${formatUkDate(a.verifiedOn)}`;
  if (a.status === 'done' && a.completedOn) return `Completed ${formatUkDate(a.completedOn)}`;
  return STATUS[a.status];
}

/** The whole log as one table, for the CSV and workbook: each row says which list it is in. */
export function actionLogTable(pack: BoardPackSnapshot): Table {
  const { overdue, dueBeforeNextBoard, completedSinceLastBoard } = pack.actions;
  const parts = [
    actionTable('', overdue, pack.asOf, 'Overdue'),
    actionTable('', dueBeforeNextBoard, pack.asOf, 'Due before next board'),
    actionTable('', completedSinceLastBoard, pack.asOf, 'Completed since last board'),
  ];
  return { caption: 'Action log', columns: parts[0]!.columns, rows: parts.flatMap((p) => p.rows) };
}

export function actionLog(pack: BoardPackSnapshot): Section {
  const { overdue, dueBeforeNextBoard, completedSinceLastBoard, moved } = pack.actions;
  const next = formatUkDate(pack.nextBoardDate);
  const since = formatUkDate(pack.sinceDay);
  const list = (title: string, actions: PackAction[], empty: string) => [
    { kind: 'heading' as const, level: 2 as const, text: `${title} (${actions.length})` },
    actions.length > 0
      ? { kind: 'table' as const, table: actionTable(title, actions, pack.asOf) }
      : { kind: 'paragraph' as const, text: empty },
  ];
  return {
    heading: 'Action log',
    blocks: [
      {
        kind: 'paragraph',
        text:
          moved.actions === 0
            ? 'No open action has had its due date moved.'
            : `${moved.actions} open ${moved.actions === 1 ? 'action has' : 'actions have'} had ${moved.actions === 1 ? 'its' : 'their'} due date moved, ${moved.moves} ${moved.moves === 1 ? 'time' : 'times'} in all; ${moved.movedMoreThanTwice} more than twice.`,
      },
      ...list(`Overdue on ${formatUkDate(pack.asOf)}`, overdue, 'No action is overdue.'),
      ...list(
        `Due before the next board on ${next}`,
        dueBeforeNextBoard,
        'No action falls due before the next board.',
      ),
      ...list(
        `Completed and verified since ${since}`,
        completedSinceLastBoard,
        'No action was completed since the last board.',
      ),
    ],
  };
}
