/**
 * Structured JSON logs (pino). Secrets (any key naming a token, secret, password or
 * authorization) are redacted at any depth, and message text (keys `text`, `reason`, `note`) is
 * only kept at debug level: chat text may be sensitive.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

const SECRET = /token|secret|password|authorization|cookie/i;
const CHAT_TEXT = /^(text|reason|note|evidence|body)$/i;

function scrub(value: unknown, keepText: boolean, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, keepText, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SECRET.test(key)) out[key] = '[redacted]';
    else if (!keepText && CHAT_TEXT.test(key) && typeof v === 'string') out[key] = '[redacted]';
    else out[key] = scrub(v, keepText, depth + 1);
  }
  return out;
}

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  const keepText = level === 'debug' || level === 'trace';
  return pino(
    {
      level,
      base: { app: 'improvement-bot' },
      formatters: { log: (object) => scrub(object, keepText) as Record<string, unknown> },
    },
    destination as pino.DestinationStream,
  );
}

/** A logger that discards everything, for tests and benchmarks. */
export const silentLogger: Logger = pino({ level: 'silent' });
