import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiArgs } from './types.js';

/** Slack caps request bodies well below this; anything larger is a bug in the caller. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * Arguments WebClient JSON-encodes because they are objects or arrays. Only these are decoded,
 * so a user's text that happens to look like JSON stays text.
 */
const JSON_ENCODED_ARGS = [
  'blocks',
  'attachments',
  'metadata',
  'view',
  'unfurls',
  'user_auth_blocks',
  'files',
];

/** Reads the whole request body as UTF-8. */
export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

/** Reads the whole request body as bytes (a file upload). */
export async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Decodes a Web API call's arguments from the query string plus a form-encoded or JSON body,
 * then parses the JSON-encoded nested arguments. Returns undefined for an unparseable JSON body.
 */
export function parseArgs(
  contentType: string | undefined,
  body: string,
  query: URLSearchParams,
): ApiArgs | undefined {
  const args: ApiArgs = Object.fromEntries(query);
  if (body.trim() !== '') {
    if (contentType?.includes('application/json')) {
      try {
        Object.assign(args, JSON.parse(body) as ApiArgs);
      } catch {
        return undefined;
      }
    } else {
      Object.assign(args, Object.fromEntries(new URLSearchParams(body)));
    }
  }
  for (const key of JSON_ENCODED_ARGS) {
    const value = args[key];
    if (typeof value !== 'string') continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      // Leave it as a string: the method then answers invalid_*_format as Slack would.
    }
  }
  return args;
}

/** The bearer token from the Authorization header, else a `token` argument (Slack allows both). */
export function extractToken(req: IncomingMessage, args: ApiArgs): string | undefined {
  const header = req.headers.authorization;
  const fromHeader = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const fromArgs = typeof args.token === 'string' && args.token !== '' ? args.token : undefined;
  delete args.token;
  return fromHeader ?? fromArgs;
}

/** Writes a JSON reply. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}
