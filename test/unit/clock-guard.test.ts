/**
 * Time comes only from the injected clock. A stored time taken from the database's now() or from
 * the machine's own clock makes a row look newer or older than the clock the rest of the app
 * runs on (tests, and local mode's moved clock), and the digest and reminders then misjudge
 * what is due. These checks keep it so: they fail on the first such default or call.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** The only places that may read the machine's clock, and why. */
const MACHINE_TIME_ALLOWED: Record<string, string> = {
  'src/domain/clock.ts': 'the system clock itself',
  'src/db/migrate.ts': "migration bookkeeping, recorded as Prisma's own runner records it",
  'src/chat/slack/app.ts': "Slack's request signatures carry real time, so they are checked against it",
  'src/local/slack-requests/signed.ts': 'signs local requests as Slack would, with real time',
  'src/local/slack-requests/payloads.ts': 'ids and action timestamps in the shape Slack sends',
  'src/local/slack-requests/view-payloads.ts': 'ids and event timestamps in the shape Slack sends',
  'src/local/web/app.js': "the browser page's own clock, offset to the server's",
  'src/local/teams/signing.ts': 'signs local activities as Teams would, with real time (via systemClock)',
};

describe('time comes only from the injected clock', () => {
  it('no column defaults to the database clock', () => {
    for (const schema of ['prisma/schema.prisma', 'prisma/postgresql/schema.prisma']) {
      const text = readFileSync(join(root, schema), 'utf8');
      expect(text, `${schema}: set the time from deps.clock instead`).not.toMatch(/now\(\)|@updatedAt/);
    }
  });

  it('no hand-written SQL asks the database for the time', () => {
    const offenders = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'commands'))]
      .map((path) => relative(root, path))
      .filter((path) => path !== 'src/db/migrate.ts')
      .filter((path) =>
        sqlTexts(stripComments(path)).some((q) => /(?<![.\w])now\(\)|CURRENT_TIMESTAMP|'now'/i.test(q)),
      );
    expect(offenders).toEqual([]);
  });

  it('nothing reads the machine clock outside the few places that must', () => {
    const offenders = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'commands'))]
      .map((path) => relative(root, path))
      .filter((path) => !(path in MACHINE_TIME_ALLOWED))
      .filter((path) => /new Date\(\s*\)|Date\.now\(\)/.test(stripComments(path)));
    expect(offenders).toEqual([]);
  });
});

/** The string and template literals in some code that read as SQL statements. */
function sqlTexts(code: string): string[] {
  const literals = code.match(/`[^`]*`|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g) ?? [];
  return literals.filter((q) => /\b(SELECT|INSERT|UPDATE|DELETE)\b/.test(q));
}

/** The file's code without comments, so a comment explaining the rule is not an offence. */
function stripComments(path: string): string {
  return readFileSync(join(root, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}
