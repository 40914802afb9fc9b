/**
 * A neutral document: what a board pack (or a visit pack) says, with no format in it. Each
 * renderer in this folder (DOCX, PDF, XLSX, CSV) takes this model, so every format shows the same
 * headings, tables and charts. Accessibility is part of the model: headings have levels, every
 * table has a header row, every chart has alt text, and a RAG cell carries its word beside the
 * colour, so colour is never the only signal.
 */

/** A RAG colour drawn as a dot beside the RAG word. */
export type Tone = 'red' | 'amber' | 'green' | 'complete' | 'not_started';

/** A small line chart: values in order, with an optional target line. */
export interface Chart {
  points: { label: string; value: number }[];
  /** The target in force, drawn as a dashed line. */
  target?: number;
  /** What the chart shows, in words, for anyone who cannot see it. */
  altText: string;
}

/** A table cell: text, optionally with a RAG dot before it or a chart instead of text. */
export interface Cell {
  text: string;
  tone?: Tone;
  chart?: Chart;
  bold?: boolean;
}

export interface Table {
  /** Names the table for screen readers and, in a workbook, the sheet. */
  caption: string;
  /** Header row labels, repeated on each page. */
  columns: { label: string; width: number }[];
  rows: Cell[][];
}

export type Block =
  | { kind: 'heading'; text: string; level: 2 | 3 }
  | { kind: 'paragraph'; text: string; emphasis?: 'note' | 'strong' }
  | { kind: 'table'; table: Table };

/** A section starts on a new page and has a level-1 heading. */
export interface Section {
  heading: string;
  blocks: Block[];
}

export interface Document {
  title: string;
  subtitle: string;
  /** Fixed from what the document describes, so the same model gives the same bytes. */
  metadata: { author: string; subject: string; keywords: string; created: Date };
  /** Shown at the foot of each page. */
  footer: string;
  sections: Section[];
}

/** A cell of plain text. */
export const cell = (text: string, extra: Omit<Cell, 'text'> = {}): Cell => ({ text, ...extra });
