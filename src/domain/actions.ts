/**
 * Pure rules about actions: how people write an action's reference (A-12, a12, 12), how late an
 * action is, and the one-line way every list, reminder and digest shows an action, so they all
 * read the same.
 */
import { type Day, daysBetween, formatShortDate, formatShortDateWithYear } from './dates.js';
import { toSafeText, truncateText } from './text.js';

export const ACTION_STATUSES = ['open', 'done', 'verified', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What an ActionEvent row records. */
export type ActionEventKind =
  | 'created'
  | 'done'
  /** Evidence added to a done action that had none, so it can be verified. */
  | 'evidence'
  | 'verified'
  | 'extended'
  | 'reassigned'
  | 'dropped'
  | 'comment'
  | 'not_mine'
  /** The owner asked for a new due date that a lead must approve (Programme.extensionApproval). */
  | 'extension_requested'
  /** A lead refused the requested date; the due date stands. (An approval is an 'extended'.) */
  | 'extension_refused';

/** 12 → 'A-12'. */
export function formatActionRef(number: number): string {
  return `A-${number}`;
}

/** 'A-12', 'a12', 'a-12', '#12' or '12' → 12; anything else → null. */
export function parseActionRef(text: string): number | null {
  const match = /^(?:a-?|#)?(\d{1,9})[.,;:]?$/i.exec(text.trim());
  if (!match) return null;
  const number = Number(match[1]);
  return number > 0 ? number : null;
}

/** Whole days past the due date (0 when due today or later). */
export function daysOverdue(dueDate: Day, today: Day): number {
  return Math.max(0, daysBetween(dueDate, today));
}

/** '31 Mar', or '31 Mar 2027' when the year is not this one. */
export function formatDueDate(dueDate: Day, today: Day): string {
  return dueDate.slice(0, 4) === today.slice(0, 4)
    ? formatShortDate(dueDate)
    : formatShortDateWithYear(dueDate);
}

/** What a list line needs to know about one action. */
export interface ActionView {
  number: number;
  text: string;
  dueDate: Day;
  status: string;
  ownerPlatformUserId: string;
  workstreamCode: string;
  projectName?: string | null;
  /** A new due date the owner asked for, waiting for a lead's approval. */
  requestedDue?: Day | null;
}

/** The lateness of an open action in words: '3 days overdue', 'due today', or nothing. */
export function lateness(action: Pick<ActionView, 'dueDate' | 'status'>, today: Day): string | null {
  if (action.status !== 'open') return null;
  const late = daysOverdue(action.dueDate, today);
  if (late > 0) return `*${late} ${late === 1 ? 'day' : 'days'} overdue*`;
  return action.dueDate === today ? 'due today' : null;
}

const STATUS_WORDS: Record<string, string> = {
  done: '<icon:done> done, awaiting verification',
  verified: '<icon:medal> verified',
  dropped: '<icon:dropped> dropped',
};

/**
 * One action as one mrkdwn line, e.g.
 * `<rag:red> *A-12* WS1 · Recruit 4 social workers · <person:U1> · due 20 Nov · *3 days overdue*`.
 * The action's text is made safe here (no broadcasts, no injected links) and shortened.
 */
export function actionLine(action: ActionView, today: Day, options: { maxText?: number } = {}): string {
  const late = lateness(action, today);
  const marker = late?.includes('overdue')
    ? '<rag:red>'
    : action.status === 'open'
      ? '<rag:not_started>'
      : '';
  const where = action.projectName
    ? `${action.workstreamCode}/${toSafeText(action.projectName)}`
    : action.workstreamCode;
  const text = toSafeText(truncateText(action.text, options.maxText ?? 140));
  const parts = [
    `${marker ? `${marker} ` : ''}*${formatActionRef(action.number)}* ${where}`,
    text,
    `<person:${action.ownerPlatformUserId}>`,
    `due ${formatDueDate(action.dueDate, today)}`,
  ];
  const state = late ?? STATUS_WORDS[action.status];
  if (state) parts.push(state);
  const requested = extensionRequestedWords(action, today);
  if (requested) parts.push(requested);
  return parts.join(' · ');
}

/** 'extension to 31 Mar requested' while an open action's new date waits for a lead; else null. */
export function extensionRequestedWords(
  action: { status: string; requestedDue?: Day | null },
  today: Day,
): string | null {
  if (action.status !== 'open' || !action.requestedDue) return null;
  return `extension to ${formatDueDate(action.requestedDue, today)} requested`;
}
