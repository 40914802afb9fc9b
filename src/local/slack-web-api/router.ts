import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DispatchState, dispatch } from './dispatch.js';
import { extractToken, parseArgs, readBody, sendJson } from './http.js';
import type { ResponseUrls } from './response-urls.js';

/** Serves `/api/<method>` as the Web API and `/response/<id>` as response URLs. */
export async function route(
  req: IncomingMessage,
  res: ServerResponse,
  state: DispatchState,
  responseUrls: ResponseUrls,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
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
