/**
 * Replies every subcommand shares: the polite refusal (what was wrong, the usage line, an example,
 * and the user's own text so nothing they typed is lost) and the generic apology for bugs.
 */
import type { Message } from '../src/chat/message.js';
import { AppError } from '../src/domain/errors.js';
import { toSafeMrkdwn } from '../src/domain/text.js';
import type { Reply } from './types.js';

/** The user's text as a code block that cannot be broken out of or ping anyone. */
export function quoteUserText(text: string): string {
  return `\`\`\`${toSafeMrkdwn(text).replace(/```/g, '`\u200b``')}\`\`\``;
}

export function refusal(error: AppError, options: { usage?: string; typed: string }): Reply {
  const lines = [`:warning: ${error.message}`];
  if (options.usage && (error.code === 'bad_input' || error.code === 'ambiguous')) lines.push(`*Usage:* \`${options.usage}\``);
  if (error.example) lines.push(`*For example:* \`${error.example}\``);
  lines.push(`Your text, so nothing is lost:\n${quoteUserText(options.typed)}`);
  return ephemeral(lines.join('\n'));
}

export function apology(typed: string): Reply {
  return ephemeral(`:warning: Sorry, something went wrong on our side and nothing was saved. Please try again in a minute; if it keeps happening, tell your programme manager.\nYour text, so nothing is lost:\n${quoteUserText(typed)}`);
}

export function ephemeral(text: string, blocks?: Message['blocks']): Reply {
  return { kind: 'ephemeral', message: { text, blocks: blocks ?? [{ type: 'section', text }] } };
}
