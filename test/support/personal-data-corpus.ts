/**
 * The labelled corpus in test/fixtures/personal-data: sentences of child-level personal data
 * (fictional) and of ordinary programme text, each under a '## kind' heading.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type CorpusEntry = { kind: string; text: string; file: string; line: number };

/** The day the corpus's relative dates were written against ('born 22nd July 2026' is a baby). */
export const CORPUS_TODAY = '2026-12-02';

const FOLDER = join(import.meta.dirname, '..', 'fixtures', 'personal-data');

function read(file: string): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  let kind = '';
  readFileSync(join(FOLDER, file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.startsWith('## ')) kind = line.slice(3).trim();
      else if (line.trim() !== '' && !line.startsWith('#'))
        entries.push({ kind, text: line, file, line: i + 1 });
    });
  return entries;
}

/** Child-level personal data: every entry must be refused. The second and third batches were written after the rules. */
export const personalCorpus = (): CorpusEntry[] => [
  ...read('personal.txt'),
  ...read('personal-second-batch.txt'),
  ...read('personal-third-batch.txt'),
];
/** Ordinary programme text: none of it may be refused. */
export const ordinaryCorpus = (): CorpusEntry[] => [
  ...read('ordinary.txt'),
  ...read('ordinary-second-batch.txt'),
  ...read('ordinary-third-batch.txt'),
];

/** A few entries of each kind, spread through the kind, for the slower runs through Slack. */
export function samplePerKind(entries: CorpusEntry[], perKind: number): CorpusEntry[] {
  const kinds = [...new Set(entries.map((e) => e.kind))];
  return kinds.flatMap((kind) => {
    const all = entries.filter((e) => e.kind === kind);
    const step = Math.max(1, Math.floor(all.length / perKind));
    return all.filter((_, i) => i % step === 0).slice(0, perKind);
  });
}
