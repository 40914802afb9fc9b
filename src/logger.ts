/**
 * Structured JSON logs (pino). Tokens and secrets are redacted wherever they appear in a logged
 * object, and message text is logged only at debug: chat text may be sensitive.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

const REDACT = [
  'token', '*.token', 'botToken', '*.botToken', 'appToken', '*.appToken', 'signingSecret', '*.signingSecret',
  'headers.authorization', '*.headers.authorization', 'text', '*.text', 'password', '*.password',
];

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'improvement-bot' }, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}

/** A logger that discards everything, for tests and benchmarks. */
export const silentLogger: Logger = pino({ level: 'silent' });
