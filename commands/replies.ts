/**
 * Replies every subcommand shares: the polite refusal (what was wrong, the usage line, an example,
 * and the user's own text so nothing they typed is lost) and the generic apology for bugs.
 */
import type { Block, Message } from '../src/chat/message.js';
import type { AppError } from '../src/domain/errors.js';
import { escapeMrkdwn, mentionsAsTyped, toSafeMrkdwn } from '../src/domain/text.js';
import type { Reply } from './types.js';

/** The user's text as they typed it, in a code block that cannot be broken out of or ping anyone. */
export function quoteUserText(text: string): string {
  return `\`\`\`${toSafeMrkdwn(mentionsAsTyped(text)).replace(/```/g, '`\u200b``')}\`\`\``;
}

/**
 * `corrected` is the user's command with a guessed fix ("did you mean …?"), shown as a block they
 * can copy and send again.
 */
export function refusal(
  error: AppError,
  options: { usage?: string; typed: string; corrected?: string },
): Reply {
  // Messages and examples often quote what the user typed, so they must not ping or link either;
  // the usage line's <placeholders> would otherwise read as links.
  // A mention the user typed is written back as typed ('@olly'): inside a code span Slack would
  // show its '<@U…|olly>' escape.
  const lines = [`:warning: ${toSafeMrkdwn(mentionsAsTyped(error.message))}`];
  if (options.usage && (error.code === 'bad_input' || error.code === 'ambiguous'))
    lines.push(`*Usage:* \`${escapeMrkdwn(options.usage)}\``);
  if (options.corrected)
    lines.push(`The corrected command, ready to copy:\n${quoteUserText(options.corrected)}`);
  else if (error.example) lines.push(`*For example:* \`${toSafeMrkdwn(mentionsAsTyped(error.example))}\``);
  lines.push(`Your text, so nothing is lost:\n${quoteUserText(options.typed)}`);
  return ephemeral(lines.join('\n'));
}

export function apology(typed: string): Reply {
  return ephemeral(
    `:warning: Sorry, something went wrong on our side and nothing was saved. Please try again in a minute; if it keeps happening, tell your programme manager.\nYour text, so nothing is lost:\n${quoteUserText(typed)}`,
  );
}

export function ephemeral(text: string, blocks?: Message['blocks']): Reply {
  return { kind: 'ephemeral', message: { text, blocks: blocks ?? linesAsSections(text.split('\n')) } };
}

// Slack cuts a section's text at 3,000 characters; leave room for escaping.
const SECTION_LIMIT = 2800;

/** Lines grouped into as few sections as fit, so a long help or list is not cut short. */
export function linesAsSections(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: string | null = null;
  for (const line of lines) {
    if (current !== null && current.length + line.length + 1 > SECTION_LIMIT) {
      blocks.push({ type: 'section', text: current });
      current = null;
    }
    current = current === null ? line : `${current}\n${line}`;
  }
  if (current !== null) blocks.push({ type: 'section', text: current });
  return blocks;
}
