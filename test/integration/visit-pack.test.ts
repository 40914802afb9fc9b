/**
 * The pre-visit pack of the demo programme's monitoring visit, read back as a reader's software
 * reads it: the PDF's text (pdftotext) in order with every section, each page kept as a PNG in
 * test/artifacts/ to look at (pdftoppm), and the Word file's headings (jszip + its XML).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo.js';
import {
  type ProducedVisitPack,
  produceVisitPack,
} from '../../src/services/visit-pack/produce-visit-pack.js';
import { type TestDatabase, testDatabase } from '../support/database.js';

const WORKSPACE = 'T0DEMO';
const ADMIN = 'U0DEMO0001';
const now = new Date('2026-11-23T10:00:00Z');
let t: TestDatabase;
let pack: ProducedVisitPack;
const file = (name: string) => pack.files.find((f) => f.filename.endsWith(name))!.bytes;

beforeAll(async () => {
  t = await testDatabase({ now });
  await seedDemo(t.deps.db, { workspaceId: WORKSPACE, now });
  pack = await produceVisitPack(
    t.deps,
    { workspaceId: WORKSPACE, userId: ADMIN },
    { ref: 'V-1', format: 'both' },
  );
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('the pre-visit pack of the demo programme', () => {
  it('is a PDF whose text has the cover and every workstream’s sections, with its pages kept to look at', () => {
    const dir = mkdtempSync(join(tmpdir(), 'visit-pack-'));
    writeFileSync(join(dir, 'pack.pdf'), file('.pdf'));
    writeFileSync(join(tmpdir(), 'visit-pack-demo.pdf'), file('.pdf'));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(
      'For V-1 Monitoring visit on Wednesday 16 December 2026 to Thursday 17 December 2026',
    );
    expect(text).toContain('Assessment in the duty and assessment teams');
    expect(text).toContain('in 23 days');
    expect(text).toContain('since the plan began');
    expect(text).toContain('Workstreams at a glance');
    expect(pack.snapshot.workstreams.length).toBe(2);
    for (const w of pack.snapshot.workstreams) expect(text).toContain(`${w.code} ${w.name}`);
    for (const heading of [
      'RAG history since',
      'Updates since',
      'Actions: open, and done since then',
      'KPIs',
      'Recommendations it covers',
      'Evidence of completion',
    ])
      expect(text).toContain(heading);
    expect(text).toMatch(/page 1 of \d+/);
    const info = execFileSync('pdfinfo', [join(dir, 'pack.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'pack.pdf'), join(dir, 'page')]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const [i, page] of pages.entries())
      renameSync(join(dir, page), join('test/artifacts', `visit-pack-page-${i + 1}.png`));
  });

  it('is a Word file with the cover and one level-1 heading per workstream', async () => {
    const xml = await (await JSZip.loadAsync(file('.docx'))).file('word/document.xml')!.async('string');
    const headings = [
      ...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs),
    ].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''));
    expect(headings[0]).toBe('The visit');
    for (const w of pack.snapshot.workstreams) expect(headings).toContain(`${w.code} ${w.name}`);
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(xml.match(/<w:tbl>/g)?.length);
  });

  it('is audited', async () => {
    expect(await t.deps.db.auditLog.count({ where: { action: 'visit_pack.produce' } })).toBe(1);
  });
});
