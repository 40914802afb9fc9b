/**
 * Slack's size limits, applied to the text Slack actually receives: after escaping ('&' becomes
 * '&amp;', five characters) and after broadcasts are defused. Counting before that let a
 * 2,000-character update full of '&' become a 10,000-character section, which Slack cut. Text
 * over a limit is split, by meaning where it can be (paragraph, line, word), never dropped.
 */

import type { MessageLimits } from '../message.js';

export const SLACK_LIMITS = {
  /** A section's text, and any mrkdwn text object in a block. */
  sectionText: 3000,
  /** One of a section's side-by-side fields. */
  field: 2000,
  fields: 10,
  /** A context block's elements. */
  contextElements: 10,
  header: 150,
} as const;

/**
 * What the digest's layout packs into one Slack message: Slack's 50 blocks and 3,000-character
 * sections. Slack documents no total for a message's blocks, but very long messages are cut off
 * behind "see more" in clients and are hard to read, so a part stays at 12,000 characters.
 */
export const SLACK_MESSAGE_LIMITS: MessageLimits = {
  blocks: 50,
  sectionChars: SLACK_LIMITS.sectionText,
  messageChars: 12_000,
};

const FENCE = '```';

/**
 * `text` in pieces of at most `max` characters that, joined, are `text` again: cut after the last
 * paragraph break that fits, else the last line break, else the last space, never inside a
 * '<…>' mention or link, an '&amp;' entity or an emoji's surrogate pair. A code block split in two
 * is closed at the cut and opened again after it, so neither half shows as plain text.
 */
export function splitMrkdwn(text: string, max: number = SLACK_LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  let rest = text;
  let reopen = '';
  while (reopen.length + rest.length > max) {
    const room = max - reopen.length - FENCE.length;
    const cut = cutAt(rest, room);
    let piece = reopen + rest.slice(0, cut);
    reopen = '';
    if (openFence(piece)) {
      piece += FENCE;
      reopen = FENCE;
    }
    pieces.push(piece);
    rest = rest.slice(cut);
  }
  pieces.push(reopen + rest);
  return pieces;
}

/** Whether a piece leaves a code block open (an odd number of fences). */
const openFence = (piece: string): boolean => piece.split(FENCE).length % 2 === 0;

/** Where to cut `text` so the first part has at most `room` characters and breaks nothing. */
function cutAt(text: string, room: number): number {
  const safe = safeCuts(text, room);
  for (const pattern of [/\n\n/g, /\n/g, /\s/g]) {
    let best = -1;
    for (const match of text.slice(0, room).matchAll(pattern)) {
      const after = match.index + match[0].length;
      if (after > room / 4 && safe(after)) best = after;
    }
    if (best > 0) return best;
  }
  for (let at = room; at > 0; at -= 1) if (safe(at)) return at;
  return room;
}

/** A test of whether cutting before index `at` keeps every token whole. */
function safeCuts(text: string, room: number): (at: number) => boolean {
  const inside = new Uint8Array(room + 1);
  // Tokens that must not be split: '<…>' (mentions, links), '&amp;'-style entities.
  for (const match of text.slice(0, room + 64).matchAll(/<[^<>\n]{0,500}>|&[a-z]{2,6};/gi)) {
    for (let i = match.index + 1; i < match.index + match[0].length && i <= room; i += 1) inside[i] = 1;
  }
  return (at) => {
    if (inside[at]) return false;
    const code = text.charCodeAt(at);
    return !(code >= 0xdc00 && code <= 0xdfff);
  };
}
