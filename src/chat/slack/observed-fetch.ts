/**
 * The `fetch` every Bolt WebClient uses, so each Web API answer is counted on /metrics: Slack's
 * error codes (`ok: false`), HTTP errors, network failures and 429s, each by method. Every
 * attempt is seen, including the client's own retries.
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
    } else if (!response.ok) {
      metrics.slackError(method, `http_${response.status}`);
    } else {
      const body = (await response
        .clone()
        .json()
        .catch(() => undefined)) as { ok?: boolean; error?: string } | undefined;
      if (body && body.ok === false) metrics.slackError(method, body.error ?? 'unknown_error');
    }
    return response;
  };
}

/** `chat.postMessage` from `https://slack.com/api/chat.postMessage`. */
function methodOf(input: Parameters<typeof fetch>[0]): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const last = url.split('?')[0]!.split('/').at(-1) ?? '';
  return /^[a-zA-Z.]{1,80}$/.test(last) ? last : 'other';
}
