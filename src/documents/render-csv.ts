/**
 * One table of a neutral document as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads
 * '→' and '£' right), CRLF line ends, every field quoted, and a field that starts with = + - or @
 * prefixed with an apostrophe so Excel never runs it as a formula.
 */
import type { Table } from './document.js';

const field = (text: string): string => {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

export function renderCsv(table: Table): Buffer {
  const lines = [
    table.columns.map((c) => field(c.label)),
    ...table.rows.map((r) => r.map((c) => field(c.text.trim()))),
  ];
  return Buffer.from(`\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`, 'utf8');
}
