/**
 * The guard against the labelled corpus (test/fixtures/personal-data): at least 95% of the
 * child-level personal data refused, at most 1% of ordinary programme text refused. The rates
 * are printed, and every miss and every false refusal is listed, so a change that trades one
 * for the other shows up in review.
 */
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/domain/personal-data/index.js';
import { CORPUS_TODAY, ordinaryCorpus, personalCorpus } from '../support/personal-data-corpus.js';

const refused = (text: string): boolean => findPersonalData(text, { today: CORPUS_TODAY }).length > 0;
const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

describe('the personal-data corpus', () => {
  const personal = personalCorpus();
  const ordinary = ordinaryCorpus();

  it('is big enough to mean something', () => {
    expect(personal.length).toBeGreaterThanOrEqual(200);
    expect(ordinary.length).toBeGreaterThanOrEqual(300);
    expect(new Set(personal.map((e) => e.kind)).size).toBeGreaterThanOrEqual(12);
  });

  it('refuses at least 95% of the personal data and at most 1% of ordinary text', () => {
    const missed = personal.filter((e) => !refused(e.text));
    const wronglyRefused = ordinary.filter((e) => refused(e.text));
    const caught = personal.length - missed.length;
    console.log(
      `personal data refused: ${caught}/${personal.length} (${percent(caught, personal.length)}); ` +
        `ordinary text refused: ${wronglyRefused.length}/${ordinary.length} (${percent(wronglyRefused.length, ordinary.length)})`,
    );
    for (const e of missed) console.log(`  missed (${e.file}:${e.line}, ${e.kind}): ${e.text}`);
    for (const e of wronglyRefused)
      console.log(`  wrongly refused (${e.file}:${e.line}, ${e.kind}): ${e.text}`);
    expect(caught / personal.length).toBeGreaterThanOrEqual(0.95);
    expect(wronglyRefused.length / ordinary.length).toBeLessThanOrEqual(0.01);
  });

  it('names each kind of personal data as what it is, in most cases', () => {
    // The heading is what the sentence was written to show; another finding may come first
    // ('Jayden Smith DOB …' is a birth date), so only most need to agree.
    const named = personal.filter((e) =>
      findPersonalData(e.text, { today: CORPUS_TODAY }).some((m) => m.kind === e.kind),
    );
    expect(named.length / personal.length).toBeGreaterThanOrEqual(0.8);
  });
});
