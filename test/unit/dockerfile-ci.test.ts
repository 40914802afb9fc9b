/**
 * The Dockerfile installs and tests with exactly the commands CI runs (.ci/run), so what CI proves
 * is what the image is built from; the image runs as a non-root user, probes /livez, and starts
 * with nothing from devDependencies.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const dockerfile = read('Dockerfile');
const ci = read('.ci/run');
const pkg = JSON.parse(read('package.json')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

/** `npm …` commands .ci/run runs as they stand (not inside a faketime or an env assignment). */
const ciCommands = ci
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => /^npm /.test(line));

/** The RUN lines of one stage of the Dockerfile (`FROM … AS <stage>` up to the next FROM). */
function stage(name: string): { runs: string[]; body: string } {
  const parts = dockerfile.split(/^FROM /m).slice(1);
  const body = parts.find((p) => new RegExp(`^\\S+ AS ${name}\\s*$`, 'm').test(p.split('\n')[0]!)) ?? '';
  const runs = body
    .split('\n')
    .filter((line) => line.startsWith('RUN '))
    .map((line) => line.slice(4).trim());
  return { runs, body };
}

describe('Dockerfile and .ci/run', () => {
  it('CI installs with npm ci and runs type check, lint and tests', () => {
    expect(ciCommands.slice(0, 4)).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run typecheck',
      'npm run lint',
      'npm test',
    ]);
  });

  it("the test stage runs CI's commands, in CI's order", () => {
    const { runs } = stage('test');
    expect(runs).toEqual(ciCommands.slice(0, 4));
  });

  it("the production install is CI's install without devDependencies", () => {
    const { runs } = stage('build');
    expect(runs).toEqual([`${ciCommands[0]!.replace('npm ci', 'npm ci --omit=dev')}`, 'npm run build']);
  });

  it('the image runs as a non-root user, checks /livez and starts the compiled app with node itself', () => {
    const final = dockerfile.split(/^FROM /m).at(-1)!;
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^HEALTHCHECK .*\n?.*\/livez/m);
    const cmd = /^CMD \["node", "([^"]+)"\]$/m.exec(final);
    expect(cmd?.[1]).toBe('dist/main.js');
    // `npm start` runs the same file (scripts/start.mjs builds it first when it is stale).
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
    expect(read('scripts/start.mjs')).toContain("import('../dist/main.js')");
    // The postinstall (Prisma clients, the build) runs under --omit=dev too.
    expect(pkg.dependencies).toHaveProperty('prisma');
    expect(pkg.dependencies).toHaveProperty('esbuild');
  });
});
