/**
 * What the action subcommands show: one shape of channel post for every change (headline, the
 * action's text, who and when), the list as chunked sections, and the reference reader.
 */
import type { Block, Message } from '../src/chat/message.js';
import { type ActionView, actionLine, formatActionRef } from '../src/domain/actions.js';
import type { Day } from '../src/domain/dates.js';
import { toSafeText, truncateText } from '../src/domain/text.js';
import type { ActionList } from '../src/services/list-actions.js';
import type { Args } from './args.js';
import { ephemeral, linesAsSections } from './replies.js';
import type { Reply } from './types.js';

/** Reads an action reference word (A-12, a12, 12); the service says if it names no action. */
export const readRef = (args: Args): string => args.word('the action’s reference, such as A-12');

export interface ActionMessageParts {
  fallback: string;
  headline: string;
  lines?: (string | null)[];
  context: string;
}

/** A change to an action as a message: headline, details, and who did it in the context line. */
export function actionMessage(parts: ActionMessageParts): Message {
  const body = [parts.headline, ...(parts.lines ?? []).filter((l): l is string => !!l)].join('\n');
  return {
    text: parts.fallback,
    blocks: [
      { type: 'section', text: body },
      { type: 'context', text: parts.context },
    ],
  };
}

/** A change to an action, posted in the channel: news for the team, traceable later. */
export const actionPost = (message: Message): Reply => ({ kind: 'channel', message });

/** '*A-12* Recruit four social workers' with the text made safe and shortened for a headline. */
export function actionSubject(number: number, text: string): string {
  return `*${formatActionRef(number)}* ${toSafeText(truncateText(text, 300))}`;
}

/** The list, to the user only, with 'and N more' when capped. */
export function actionListReply(list: ActionList, command: string): Reply {
  const title = toSafeText(list.title);
  if (list.total === 0) return ephemeral(`${title}: none. <icon:celebrate>`);
  const lines = list.actions.map((a: ActionView) => actionLine(a, list.today as Day));
  const heading = `*${title}* (${list.total}), soonest due first:`;
  const more = list.total - list.actions.length;
  const blocks: Block[] = [{ type: 'section', text: heading }, ...linesAsSections(lines)];
  if (more > 0)
    blocks.push({
      type: 'context',
      text: `…and ${more} more. Narrow the list with \`${command} action list overdue\`, \`mine\`, a workstream or an @person.`,
    });
  return ephemeral(`${title} (${list.total})`, blocks);
}
