/**
 * The notices of a new due date waiting for approval, as neutral Messages: to a lead, the request
 * with Approve / Refuse (or, once answered, what was decided in their place); to the owner, the
 * lead's answer.
 */
import type { Message } from '../../chat/message.js';
import { type ActionView, actionLine, formatActionRef } from '../../domain/actions.js';
import { type Day, formatUkDate, formatWeekdayUkDate } from '../../domain/dates.js';
import { toSafeText, truncateText } from '../../domain/text.js';

/** Button action ids; the value is `<notice id>.<action number>.<request event id>`. */
export const EXTENSION_BUTTONS = { approve: 'extension_approve', refuse: 'extension_refuse' } as const;

export const extensionButtonValue = (noticeId: number, actionNumber: number, eventId: number): string =>
  `${noticeId}.${actionNumber}.${eventId}`;

export function parseExtensionButton(
  value: string,
): { noticeId: number; actionNumber: number; eventId: number } | null {
  const match = /^(\d{1,12})\.(\d{1,9})\.(\d{1,12})$/.exec(value);
  if (!match) return null;
  return { noticeId: Number(match[1]), actionNumber: Number(match[2]), eventId: Number(match[3]) };
}

/** To a lead: the owner asks for a new date. `settled` replaces the buttons once it is answered. */
export function extensionRequestMessage(input: {
  noticeId: number;
  eventId: number;
  action: ActionView;
  fromUserId: string;
  fromDue: Day;
  toDue: Day;
  reason: string;
  today: Day;
  settled?: string;
}): Message {
  const { action } = input;
  const ref = formatActionRef(action.number);
  const lines = [
    `<icon:calendar> <person:${input.fromUserId}> asks to move *${ref}* from ${formatUkDate(input.fromDue)} to *${formatWeekdayUkDate(input.toDue)}*.`,
    actionLine({ ...action, requestedDue: null }, input.today),
    `*Reason:* ${toSafeText(truncateText(input.reason, 500))}`,
  ];
  if (input.settled) {
    lines.push(`<icon:done> ${input.settled}`);
    return { text: `${ref}: ${input.settled}`, blocks: [{ type: 'section', text: lines.join('\n') }] };
  }
  const value = extensionButtonValue(input.noticeId, action.number, input.eventId);
  return {
    text: `<person:${input.fromUserId}> asks for a new due date for ${ref}`,
    blocks: [
      { type: 'section', text: lines.join('\n') },
      {
        type: 'actions',
        buttons: [
          { text: 'Approve', actionId: EXTENSION_BUTTONS.approve, value, style: 'primary' },
          { text: 'Refuse', actionId: EXTENSION_BUTTONS.refuse, value, style: 'danger' },
        ],
      },
      {
        type: 'context',
        text: `Until a lead approves, ${ref} stays due ${formatUkDate(input.fromDue)}. The programme needs a lead’s approval for a new due date.`,
      },
    ],
  };
}

/** To the owner: the lead's answer to their request. */
export function extensionAnswerMessage(input: {
  action: ActionView;
  approved: boolean;
  byUserId: string;
  fromDue: Day;
  toDue: Day;
  today: Day;
}): Message {
  const ref = formatActionRef(input.action.number);
  const headline = input.approved
    ? `<icon:done> <person:${input.byUserId}> approved your new date for *${ref}*: now due *${formatWeekdayUkDate(input.toDue)}* (was ${formatUkDate(input.fromDue)}).`
    : `<icon:returned> <person:${input.byUserId}> did not approve moving *${ref}* to ${formatUkDate(input.toDue)}: it is still due *${formatWeekdayUkDate(input.fromDue)}*. Talk to them, or ask again with \`/improve action extend ${ref} <date> <reason>\`.`;
  const fallback = input.approved
    ? `New date approved: ${ref} now due ${formatUkDate(input.toDue)}`
    : `New date not approved: ${ref} still due ${formatUkDate(input.fromDue)}`;
  return {
    text: fallback,
    blocks: [{ type: 'section', text: `${headline}\n${actionLine(input.action, input.today)}` }],
  };
}
