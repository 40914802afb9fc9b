/**
 * A Slack Web API client outside the Bolt app (scripts, and test processes that run scheduled
 * jobs), with the same retry policy and transport as the app's: a few quick retries of 5xx and
 * network errors, and 429s waited out for Retry-After. With `fetch` (observedFetch with the
 * metrics), its answers are counted on /metrics as the app's are.
 */
import { LogLevel, WebClient } from '@slack/web-api';
import { observedFetch } from './observed-fetch.js';

export function slackWebClient(
  token: string,
  apiUrl?: string,
  logLevel: LogLevel = LogLevel.WARN,
  fetch?: typeof globalThis.fetch,
): WebClient {
  return new WebClient(token, {
    logLevel,
    retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 2000 },
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    // The app's transport (observed-fetch.ts); counted on /metrics when the caller's fetch is.
    fetch: fetch ?? observedFetch(),
  });
}
