/**
 * Local mode's HTTP routes, served beside /slack/events on the app's own server:
 *   GET  /                     the page
 *   GET  /local/static/<file>  its CSS and scripts
 *   GET  /local/events         Server-Sent Events: "something changed"
 *   GET  /local/state?user=U…  what that person sees
 *   POST /local/command | /local/action | /local/submit | /local/close | /local/control
 *   POST /local/home | /local/home-action   the App Home tab: open it, press a button on it
 *   GET  /local/teams/state?user=U…   the Teams view: what that person sees in the local tenant
 *   POST /local/teams/message | /local/teams/action   type in it, press a card's button
 * Only this machine may use them: the page lets anyone act as anyone.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type PageContext, PageError } from './context.js';
import { runControl } from './controls.js';
import { closeModal, sendAction, sendCommand, sendSubmission } from './forward.js';
import { openHome, pressOnHome } from './home.js';
import { pageState } from './state.js';
import { sendStatic } from './static-files.js';
import { pressTeamsAction, sendTeamsMessage, teamsState } from './teams.js';

type Handler = (ctx: PageContext, body: Record<string, unknown>) => Promise<unknown>;

const POSTS: Record<string, Handler> = {
  '/local/command': async (ctx, body) => sendCommand(ctx, body).then(() => ({ ok: true })),
  '/local/action': async (ctx, body) => sendAction(ctx, body).then(() => ({ ok: true })),
  '/local/submit': sendSubmission,
  '/local/close': async (ctx, body) => closeModal(ctx, String(body.viewId ?? '')),
  '/local/control': runControl,
  '/local/home': async (ctx, body) => openHome(ctx, body).then(() => ({ ok: true })),
  '/local/home-action': async (ctx, body) => pressOnHome(ctx, body).then(() => ({ ok: true })),
  '/local/teams/message': sendTeamsMessage,
  '/local/teams/action': pressTeamsAction,
};

/** Handles the page's routes; returns false for anything else (Slack's routes, 404s). */
export async function pageRoutes(
  ctx: PageContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (path !== '/' && !path.startsWith('/local/')) return false;
  if (!fromThisMachine(req)) {
    sendJson(res, 403, { error: 'Local mode only answers this machine.' });
    return true;
  }
  if (req.method === 'GET') {
    if (path === '/') return sendStatic(res, 'index.html');
    if (path.startsWith('/local/static/')) return sendStatic(res, path.slice('/local/static/'.length));
    if (path === '/local/events') {
      ctx.feed.serve(req, res);
      return true;
    }
    if (path === '/local/state') {
      sendJson(res, 200, pageState(ctx, url.searchParams.get('user')));
      return true;
    }
    if (path === '/local/teams/state') {
      if (!ctx.teams) return false;
      sendJson(res, 200, teamsState(ctx, url.searchParams.get('user')));
      return true;
    }
    return false;
  }
  const handler = req.method === 'POST' ? POSTS[path] : undefined;
  if (!handler) return false;
  // JSON forces a CORS preflight, which we never grant: another website open in the same
  // browser cannot post commands as you.
  if (!req.headers['content-type']?.startsWith('application/json')) {
    sendJson(res, 415, { error: 'Send JSON.' });
    return true;
  }
  try {
    sendJson(res, 200, (await handler(ctx, await readJson(req))) ?? { ok: true });
  } catch (error) {
    const known = error instanceof PageError;
    sendJson(res, known ? error.status : 500, {
      error: known ? error.message : `Something went wrong on the local server: ${String(error)}`,
    });
  }
  return true;
}

function fromThisMachine(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    const parsed: unknown = JSON.parse(text || '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new PageError('The page sent something that is not JSON.');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}
