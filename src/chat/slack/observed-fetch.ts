/**
 * The `fetch` every Slack WebClient uses (the Bolt app's, and each installed workspace's), and
 * Bolt's respond(), so each Web API answer is counted on /metrics: Slack's error codes
 * (`ok: false`), HTTP errors, network failures and 429s, each by method. Every attempt is seen,
 * including the client's own retries.
 *
 * A request with a text body (every Web API call, every response_url post) goes over node:http(s)
 * on keep-alive connections, and its answer is read once into a small object with the parts the
 * client reads. Through the global fetch, where each request and answer became web streams and
 * observing an answer meant copying it, an `/improve update` took a fifth more CPU (npm run bench:
 * 2.16 against 1.79 ms, one at a time on SQLite). Anything else (a file upload's multipart form)
 * goes through the global fetch.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { Metrics } from '../../ops/metrics.js';

// Idle connections are kept for 4 s (as the global fetch keeps them), the most recently used first.
const agents = {
  http: new HttpAgent({ keepAlive: true, timeout: 4000, scheduling: 'lifo' }),
  https: new HttpsAgent({ keepAlive: true, timeout: 4000, scheduling: 'lifo' }),
};

export function observedFetch(metrics?: Metrics): typeof fetch {
  return async (input, init) => {
    const method = methodOf(input);
    let response: Response;
    try {
      response =
        typeof init?.body === 'string' && typeof input === 'string'
          ? await post(input, init, init.body)
          : await fetch(input, init);
    } catch (error) {
      metrics?.slackError(method, 'network_error');
      throw error;
    }
    if (!metrics) return response;
    if (response.status === 429) {
      metrics.slackRateLimited(method);
      return response;
    }
    if (!response.ok) {
      metrics.slackError(method, `http_${response.status}`);
      return response;
    }
    // Only a JSON answer can say `ok: false` (a file download is left alone).
    if (!(response instanceof Answer) || !response.headers.get('content-type')?.includes('json'))
      return response;
    if (response.failure) {
      metrics.slackError(method, 'network_error');
      return response;
    }
    // Parsed only when it may be an error: Slack's successes are most answers, and large.
    const text = response.body.toString('utf8');
    if (OK_FALSE.test(text)) {
      const body = parsedBody(text);
      if (body?.ok === false) metrics.slackError(method, body.error ?? 'unknown_error');
    }
    return response;
  };
}

const OK_FALSE = /"ok"\s*:\s*false/;

/**
 * One POST with a text body. It resolves once the whole answer is in; should the connection drop
 * after Slack answered (a post may well be made), it still resolves, and reading the body fails,
 * so the client fails outside its retries, as with fetch, rather than posting again.
 */
function post(url: string, init: RequestInit, body: string): Promise<Response> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  if (!secure && target.protocol !== 'http:') return fetch(url, init);
  const headers = headersOf(init.headers);
  headers['content-length'] = String(Buffer.byteLength(body));
  const signal = init.signal ?? undefined;
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const sent = (secure ? httpsRequest : httpRequest)(target, {
      method: init.method ?? 'POST',
      headers,
      agent: secure ? agents.https : agents.http,
      signal,
    });
    let dropped: ((error: Error) => void) | undefined;
    // Before Slack answers, a failure is the client's to retry; after, it is a dropped answer.
    sent.on('error', (error) => (dropped ? dropped(error) : reject(error)));
    sent.on('response', (answer: IncomingMessage) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      const lost = (error: Error) => resolve(Answer.from(url, answer, Buffer.alloc(0), error));
      dropped = lost;
      answer.on('end', () => {
        try {
          resolve(Answer.from(url, answer, decoded(answer, Buffer.concat(chunks))));
        } catch (error) {
          lost(error as Error);
        }
      });
      answer.on('error', lost);
      answer.on('close', () => {
        if (!answer.complete) lost(new Error('The connection closed before the whole answer came'));
      });
    });
    sent.end(body);
  });
}

/** The request's headers as one object with lower-case names (the clients pass a plain object). */
function headersOf(given: RequestInit['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!given) return headers;
  const entries =
    given instanceof Headers || Array.isArray(given) ? [...new Headers(given)] : Object.entries(given);
  for (const [name, value] of entries) headers[name.toLowerCase()] = String(value);
  return headers;
}

/** No `accept-encoding` is sent, so answers come as they are; a server that compresses anyway is read too. */
function decoded(answer: IncomingMessage, body: Buffer): Buffer {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  if (encoding === 'br') return brotliDecompressSync(body);
  return body;
}

/**
 * An answer read in full: the parts of a fetch Response that the WebClient and Bolt's respond()
 * read (status, headers, url, and the body as text, JSON or bytes).
 */
class Answer {
  readonly ok: boolean;
  readonly headers: Headers;
  bodyUsed = false;

  private constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    rawHeaders: string[],
    readonly body: Buffer,
    /** The connection dropped while the body came: reading it fails. */
    readonly failure?: Error,
  ) {
    this.ok = status >= 200 && status < 300;
    const headers = new Headers();
    for (let i = 0; i < rawHeaders.length; i += 2) headers.append(rawHeaders[i]!, rawHeaders[i + 1]!);
    this.headers = headers;
  }

  static from(url: string, answer: IncomingMessage, body: Buffer, failure?: Error): Response {
    return new Answer(
      url,
      answer.statusCode ?? 0,
      answer.statusMessage ?? '',
      answer.rawHeaders,
      body,
      failure,
    ) as unknown as Response;
  }

  private read(): Buffer {
    if (this.failure) throw new TypeError('terminated', { cause: this.failure });
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    this.bodyUsed = true;
    return this.body;
  }

  async text(): Promise<string> {
    return this.read().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.read().toString('utf8'));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const body = this.read();
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  }
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
