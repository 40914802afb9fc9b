import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DispatchState, dispatch } from './dispatch.js';
import { extractToken, parseArgs, readBody, readBytes, sendJson } from './http.js';
import type { ResponseUrls } from './response-urls.js';

/** Serves `/api/<method>` as the Web API and `/response/<id>` as response URLs. */
export async function route(
  req: IncomingMessage,
  res: ServerResponse,
  state: DispatchState,
  responseUrls: ResponseUrls,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const uploadMatch = /^\/upload\/(F\d+)$/.exec(url.pathname);
  if (uploadMatch?.[1] && req.method === 'POST') {
    await receiveUpload(
      uploadMatch[1],
      fileBytes(req.headers['content-type'], await readBytes(req)),
      res,
      state,
    );
    return;
  }
  const body = await readBody(req);
  const apiMatch = /^\/api\/([\w.]+)$/.exec(url.pathname);
  if (apiMatch?.[1]) {
    const args = parseArgs(req.headers['content-type'], body, url.searchParams);
    const token = args ? extractToken(req, args) : undefined;
    const reply = await dispatch(apiMatch[1], args, token, state);
    sendJson(res, reply.status, reply.body, reply.headers);
    return;
  }
  const responseMatch = /^\/response\/([^/]+)$/.exec(url.pathname);
  if (responseMatch?.[1] && req.method === 'POST') {
    receiveResponse(responseMatch[1], body, res, state, responseUrls);
    return;
  }
  sendJson(res, 404, { ok: false, error: 'not_found' });
}

/** A POST to a response URL: Bolt's `respond()` sends JSON there. */
function receiveResponse(
  id: string,
  body: string,
  res: ServerResponse,
  state: DispatchState,
  responseUrls: ResponseUrls,
): void {
  const fault = state.faults.take('response_url');
  if (fault) {
    sendJson(res, fault.status, fault.body, fault.headers);
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    sendJson(res, 400, { ok: false, error: 'invalid_payload' });
    return;
  }
  const status = responseUrls.receive(id, (parsed ?? {}) as Record<string, unknown>);
  state.log(`response_url ${id} -> ${status}`);
  state.changed();
  sendJson(res, status, status === 200 ? { ok: true } : { ok: false, error: 'used_url' });
}

/** The bytes of a file POSTed to the upload URL files.getUploadURLExternal handed out. */
async function receiveUpload(
  id: string,
  bytes: Buffer,
  res: ServerResponse,
  state: DispatchState,
): Promise<void> {
  const file = state.workspace.files.get(id);
  const status = file ? 200 : 404;
  if (file) file.bytes = bytes;
  state.uploads.push({ fileId: id, bytes, at: state.workspace.clock().getTime(), status });
  state.log(`upload ${id} (${bytes.length} bytes) -> ${status}`);
  state.changed();
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(file ? `OK - ${bytes.length}` : 'Not found');
}

/**
 * The file in an upload POST: WebClient sends multipart form data (the file in a part with a
 * filename), other clients the bare bytes; Slack takes both.
 */
function fileBytes(contentType: string | undefined, body: Buffer): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '');
  if (!contentType?.startsWith('multipart/form-data') || !boundary) return body;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(at + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1 && /filename=/i.test(part.subarray(0, headerEnd).toString('utf8')))
      return Buffer.from(part.subarray(headerEnd + 4));
    at = next;
  }
  return body;
}
