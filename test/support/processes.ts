/**
 * Runs the app as a real child process, for start-up tests: from source through tsx (src/main.ts,
 * the default, so a test sees the code as it is), or a plain JavaScript entry such as
 * scripts/start.mjs (what `npm start` runs: the built dist/main.js) with no tsx at all.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '../../src/db/database-url.js';
import type { SlackWebApi } from '../../src/local/slack-web-api.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface AppProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first log line matching `pattern` (rejects if the process exits first). */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
}

/**
 * The child shares this process's view of the machine's clock: under `faketime` (CI runs the suite
 * two years ahead and one behind) it must see the same date, as a real replica on the same machine
 * would, or the requests this process signs would look two years stale to it.
 */
function machineClock(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && (entry[0] === 'LD_PRELOAD' || entry[0].startsWith('FAKETIME')),
    ),
  );
}

export function spawnApp(env: Record<string, string>, script = 'src/main.ts'): AppProcess {
  const args = script.endsWith('.ts') ? ['--import', 'tsx', script] : [script];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...machineClock(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = text.split('\n').find((l) => pattern.test(l));
          if (line) resolve(line);
        };
        listeners.push(check);
        check();
        void exited.then(() => reject(new Error(`process exited before ${pattern}:\n${text}`)));
      });
    },
  };
}

/**
 * `npm start` against a database and the Slack Web API stand-in, as the kill and fuzz tests run
 * it: scheduler off, any free port. `env` adds to or overrides the Slack settings (a signing
 * secret for HTTP, an app token for Socket Mode). Resolves once it is serving.
 */
export async function startAgainst(
  target: DatabaseTarget,
  slack: SlackWebApi,
  env: Record<string, string>,
): Promise<{ app: AppProcess; url: string }> {
  const app = spawnApp({
    DATABASE_URL: target.provider === 'sqlite' ? `file:${target.file}` : target.url,
    SLACK_API_URL: slack.apiUrl,
    SLACK_BOT_ID: slack.bot.botId,
    SLACK_BOT_USER_ID: slack.bot.userId,
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'info',
    PORT: '0',
    ...env,
  });
  const line = await app.waitFor(/improvement-bot is running/);
  return { app, url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}` };
}
