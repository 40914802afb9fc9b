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
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      // The connection dropped after Slack answered (a post may well be made): the client must
      // see it fail outside its retries, as when it reads the body itself, or it posts again.
      metrics.slackError(method, 'network_error');
      return copyOf(response, failingBody(error));
    }
    // Parsed only when it may be an error: Slack's successes are most answers, and large.
    if (OK_FALSE.test(text)) {
      const body = parsedBody(text);
      if (body?.ok === false) metrics.slackError(method, body.error ?? 'unknown_error');
    }
    return copyOf(response, text);
  };
}

const OK_FALSE = /"ok"\s*:\s*false/;

/**
 * The answer with its body read once, for the client to read as usual: cheaper than `clone()`,
 * which tees the stream (about 0.1 ms a call, on every reminder a sweep sends).
 */
function copyOf(response: Response, body: string | ReadableStream): Response {
  const copy = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // The client reads the address of some answers (admin.analytics.getFile); a new Response has none.
  Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

const failingBody = (error: unknown): ReadableStream =>
  new ReadableStream({
    start(controller) {
      controller.error(error);
    },
  });

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
