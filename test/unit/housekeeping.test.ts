/**
 * What a new clone relies on before any code runs: every npm script names a file that exists, the
 * Node version in `engines` is one that has what the code uses, and nothing in the repository
 * points at documents outside it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

describe('a new clone', () => {
  it('has the file every npm script runs', () => {
    const missing = Object.entries(pkg.scripts).flatMap(([name, command]) =>
      [...command.matchAll(/(?:^|\s)((?:src|scripts|bench)\/[\w./-]+\.(?:ts|mjs|js))/g)]
        .map((m) => m[1]!)
        .filter((file) => !existsSync(join(root, file)))
        .map((file) => `${name}: ${file}`),
    );
    expect(missing).toEqual([]);
  });

  it('asks for a Node that has process.loadEnvFile (20.12 or later)', () => {
    // Every range's lowest version ('^20.19.0 || >=22.12.0': 20.19 and 22.12) has it.
    const lowest = pkg.engines.node.split('||').map((range) => {
      const [major, minor] = /(\d+)\.(\d+)/.exec(range)!.slice(1).map(Number) as [number, number];
      return { major, minor };
    });
    expect(lowest.length).toBeGreaterThan(0);
    for (const { major, minor } of lowest) expect(major > 20 || (major === 20 && minor >= 12)).toBe(true);
    expect(readFileSync(join(root, 'src/main.ts'), 'utf8')).toMatch(/loadEnvFile/);
  });

  it('points at no document outside the repository', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
    const outside = tracked
      .filter((f) => /\.(ts|mjs|js|md|yml|json)$/.test(f) && f !== 'package-lock.json')
      .filter((f) => existsSync(join(root, f)) && /\.\.\/shared\//.test(readFileSync(join(root, f), 'utf8')));
    expect(outside).toEqual([]);
  });
});
