/**
 * The `fetch` every Slack WebClient uses (the Bolt app's, and each installed workspace's), so
 * each Web API answer is counted on /metrics: Slack's error codes (`ok: false`), HTTP errors,
 * network failures and 429s, each by method. Every attempt is seen, including the client's own
 * retries.
 */
import type { Metrics } from '../../ops/metrics.js';

export function observedFetch(metrics: Metrics): typeof fetch {
  return async (input, init) => {
    const method = methodOf(input);
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      metrics.slackError(method, 'network_error');
      throw error;
    }
    if (response.status === 429) {
      metrics.slackRateLimited(method);
      return response;
    }
    if (!response.ok) {
      metrics.slackError(method, `http_${response.status}`);
      return response;
    }
    // Only a JSON answer can say `ok: false` (a file download is left alone).
    if (!response.headers.get('content-type')?.includes('json')) return response;
    return readOnce(response, (text) => {
      // Parsed only when it may be an error: Slack's successes are most answers, and large.
      if (!OK_FALSE.test(text)) return;
      const body = parsedBody(text);
      if (body?.ok === false) metrics.slackError(method, body.error ?? 'unknown_error');
    });
  };
}

const OK_FALSE = /"ok"\s*:\s*false/;

/**
 * The body read once and handed back as a new Response the client reads as usual: cheaper than
 * `clone()`, which tees the stream (about 0.1 ms a call, on every reminder a sweep sends).
 */
async function readOnce(response: Response, look: (text: string) => void): Promise<Response> {
  const text = await response.text();
  look(text);
  const copy = new Response(text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // The client reads the address of some answers (admin.analytics.getFile); a new Response has none.
  Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

function parsedBody(text: string): { ok?: boolean; error?: string } | undefined {
  try {
    return JSON.parse(text) as { ok?: boolean; error?: string };
  } catch {
    return undefined;
  }
}

/** `chat.postMessage` from `https://slack.com/api/chat.postMessage`. */
function methodOf(input: Parameters<typeof fetch>[0]): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const last = url.split('?')[0]!.split('/').at(-1) ?? '';
  return /^[a-zA-Z.]{1,80}$/.test(last) ? last : 'other';
}
