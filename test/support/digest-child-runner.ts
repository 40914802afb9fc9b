/**
 * Starts test/support/digest-child.ts (a digest or reminder replica) as a real process (node with
 * the tsx loader, one process, so SIGKILL kills the replica itself and not a wrapper) and lets a
 * test wait for its output.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '../../src/db/database-url.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface DigestChild {
  process: ChildProcess;
  /** Resolves with the first stdout line starting with `prefix`; rejects if the child exits first. */
  line(prefix: string): Promise<string>;
  send(line: string): void;
  /** Exit code, or the signal's name when killed. */
  exited: Promise<number | string>;
  stderr(): string;
}

export function databaseUrl(target: DatabaseTarget): string {
  return target.provider === 'sqlite' ? `file:${target.file}` : target.url;
}

export function startDigestChild(env: {
  target: DatabaseTarget;
  apiUrl: string;
  now: Date;
  instanceId: string;
  pauseAt?: 'claimed' | 'posted';
  waitForGo?: boolean;
  /** Default 'digest'. */
  job?: 'digest' | 'reminders';
  /** Teams workspaces post through this Bot Connector stand-in. */
  teams?: { tokenUrl: string; clientId: string; clientSecret: string };
}): DigestChild {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/digest-child.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(env.target),
      SLACK_API_URL: env.apiUrl,
      DIGEST_NOW: env.now.toISOString(),
      INSTANCE_ID: env.instanceId,
      DIGEST_PAUSE_AT: env.pauseAt ?? '',
      DIGEST_WAIT_FOR_GO: env.waitForGo ? '1' : '',
      CHILD_JOB: env.job ?? 'digest',
      ...(env.teams
        ? {
            TEAMS_TOKEN_URL: env.teams.tokenUrl,
            CLIENT_ID: env.teams.clientId,
            CLIENT_SECRET: env.teams.clientSecret,
          }
        : {}),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { prefix: string; resolve(line: string): void }[] = [];
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const w of waiters.filter((x) => line.startsWith(x.prefix))) w.resolve(line);
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code ?? -1)),
  );
  return {
    process: child,
    line(prefix) {
      const seen = lines.find((l) => l.startsWith(prefix));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ prefix, resolve });
        void exited.then((how) =>
          reject(new Error(`digest child exited (${how}) before "${prefix}":\n${errors}`)),
        );
      });
    },
    send: (line) => void child.stdin!.write(`${line}\n`),
    exited,
    stderr: () => errors,
  };
}
