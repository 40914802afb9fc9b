/**
 * Stands in front of Bolt's HTTP receiver. It reads the body once, checks the signature, parses
 * the body exactly as Bolt will, and checks its basic shape (body-shape.ts). A signed but
 * malformed body is answered 400 here: inside Bolt it would throw, and one such request (a
 * signed `payload=null`) took the whole process down. Bolt then reuses the buffered body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import { isValidSlackRequest } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { judgeBody } from './body-shape.js';

/** Slack's largest payloads (a full modal's state) are tens of kilobytes. */
const BODY_LIMIT_BYTES = 1024 * 1024;
const FORM = 'application/x-www-form-urlencoded';

export interface GuardOptions {
  signingSecret: string;
  command: string;
  logger: Logger;
}

/** Answers the request itself and resolves false, or resolves true for Bolt to handle it. */
export async function guardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: GuardOptions,
): Promise<boolean> {
  const raw = await readBody(req);
  if (!raw) return answer(res, 413, 'The request body is too large.');
  // Bolt reads the body from here instead of the (now consumed) stream.
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
  const text = raw.toString('utf8');
  const contentType = req.headers['content-type'];
  // Slack's unsigned SSL check: Bolt answers it and drops anything smuggled beside it.
  if (contentType === FORM && parse(text).ssl_check === '1') return true;
  if (!signed(req, text, options.signingSecret)) return answer(res, 401);
  const verdict = judgeBody(parseLikeBolt(text, contentType), options.command);
  if (verdict.kind === 'pass') return true;
  if (verdict.kind === 'ignore') return answer(res, 200);
  options.logger.warn({ reason: verdict.reason }, 'refused a malformed Slack request');
  return answer(res, 400, `This request is not one Slack sends: ${verdict.reason}.`);
}

/** The body, or null when it is over the limit (the rest is drained, not stored). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= BODY_LIMIT_BYTES ? Buffer.concat(chunks) : null));
    req.on('error', () => resolve(null));
  });
}

function signed(req: IncomingMessage, body: string, signingSecret: string): boolean {
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return false;
  try {
    return isValidSlackRequest({
      signingSecret,
      body,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    });
  } catch {
    return false;
  }
}

/** Bolt's own rule (parseHTTPRequestBody): form fields, `payload` as JSON, anything else JSON. */
function parseLikeBolt(text: string, contentType: string | undefined): unknown {
  try {
    if (contentType === FORM) {
      const fields = parse(text);
      return typeof fields.payload === 'string' ? JSON.parse(fields.payload) : { ...fields };
    }
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function answer(res: ServerResponse, status: number, text = ''): false {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
  return false;
}
