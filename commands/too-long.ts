/**
 * A command longer than anyone types is refused before it is parsed: parsing is linear, but there
 * is no reason to spend it on 40,000 characters, and one such request held the server for a second.
 * The refusal still hands back every character, in as many quoted sections as it takes.
 */
import { withUserText } from './replies.js';
import type { Reply } from './types.js';

/**
 * Far above the longest real command (an update's 2,000 characters, plus its words), so texts
 * just over a field's own limit still get that field's more helpful refusal.
 */
export const MAX_COMMAND_LENGTH = 12_000;

/** The polite refusal for an over-long command, or null when it is short enough to parse. */
export function refuseIfTooLong(text: string, typed: string, command: string): Reply | null {
  if (text.length <= MAX_COMMAND_LENGTH) return null;
  const warning = `<icon:warning> That command is ${text.length.toLocaleString('en-GB')} characters long; the most I take is ${MAX_COMMAND_LENGTH.toLocaleString('en-GB')}, so I have done nothing. Please shorten it (an update can be up to 2,000 characters), or type \`${command} update\` alone to write it in a form.`;
  return withUserText([warning], typed);
}
