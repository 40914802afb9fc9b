/** The colours of RAG dots and table headers, shared by every renderer so the formats agree. */
import type { Tone } from './document.js';

/** Hex colours without '#': amber is printed orange, as RAG sheets print it. */
export const TONE_HEX: Readonly<Record<Tone, string>> = {
  red: 'C0392B',
  amber: 'E67E22',
  green: '2E8B57',
  complete: '2D6CDF',
  not_started: '8C8C8C',
};

export const HEADER_FILL = '1F3A5F';
export const HEADER_TEXT = 'FFFFFF';
export const BORDER = 'B4B4B4';

/** The dot drawn before a RAG word. */
export const DOT = '●';
