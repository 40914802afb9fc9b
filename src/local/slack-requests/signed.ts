import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import {
  type BlockActionOptions,
  blockActionsPayload,
  type MessageShortcutOptions,
  messageShortcutPayload,
  type SlashCommandOptions,
  slashCommandPayload,
} from './payloads.js';
import {
  type EventCallbackOptions,
  eventCallbackPayload,
  type ViewSubmissionOptions,
  viewSubmissionPayload,
} from './view-payloads.js';

/**
 * Drives a real Bolt app over HTTP the way Slack does: signed, form-encoded or JSON POSTs to
 * `/slack/events`. Local mode's page, the e2e tests and the benchmarks all send through here.
 * Uses node:http with a keep-alive agent because fetch tops out at about 800 requests/s here.
 */

/** Shared keep-alive agent; benchmarks may pass their own through `agent`. */
export const keepAliveAgent = new Agent({ keepAlive: true, maxSockets: 64 });

/** How to sign and send; `signed: false` sends no signature headers at all. */
export interface SendOptions {
  signingSecret: string;
  /** Request time in Unix seconds; defaults to now (Bolt rejects anything 5+ minutes old). */
  timestamp?: number;
  /** Extra or overriding headers, e.g. a forged `x-slack-signature`. */
  headers?: Record<string, string>;
  signed?: boolean;
  agent?: Agent;
}

/** What the app answered: status, raw text and, when the text is JSON, the parsed body. */
export interface AppResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: unknown;
}

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function signRequest(
  body: string,
  signingSecret: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): { 'x-slack-signature': string; 'x-slack-request-timestamp': string } {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestampSeconds) };
}

/** POSTs a raw body to `${appUrl}/slack/events`, signed unless told otherwise. */
export function postToApp(
  appUrl: string,
  body: string,
  contentType: string,
  options: SendOptions,
): Promise<AppResponse> {
  const url = new URL('slack/events', appUrl.endsWith('/') ? appUrl : `${appUrl}/`);
  const signature =
    options.signed === false ? {} : signRequest(body, options.signingSecret, options.timestamp);
  const headers = {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    ...signature,
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent: options.agent ?? keepAliveAgent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parseJson(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const FORM = 'application/x-www-form-urlencoded';

/** Sends a slash command (default `/improve`) as Slack does: form-encoded fields. */
export function sendSlashCommand(
  appUrl: string,
  options: SlashCommandOptions & SendOptions,
): Promise<AppResponse> {
  return postToApp(appUrl, new URLSearchParams(slashCommandPayload(options)).toString(), FORM, options);
}

/** Sends a `block_actions` interaction: form-encoded `payload=<json>`. */
export function sendBlockAction(
  appUrl: string,
  options: BlockActionOptions & SendOptions,
): Promise<AppResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(blockActionsPayload(options)) }).toString();
  return postToApp(appUrl, body, FORM, options);
}

/** Sends a `message_action` interaction (a message shortcut): form-encoded `payload=<json>`. */
export function sendMessageShortcut(
  appUrl: string,
  options: MessageShortcutOptions & SendOptions,
): Promise<AppResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(messageShortcutPayload(options)) }).toString();
  return postToApp(appUrl, body, FORM, options);
}

/** Sends a `view_submission` interaction: form-encoded `payload=<json>`. */
export function sendViewSubmission(
  appUrl: string,
  options: ViewSubmissionOptions & SendOptions,
): Promise<AppResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(viewSubmissionPayload(options)) }).toString();
  return postToApp(appUrl, body, FORM, options);
}

/** Sends an Events API callback (e.g. `app_home_opened`) as JSON. */
export function sendEvent(appUrl: string, options: EventCallbackOptions & SendOptions): Promise<AppResponse> {
  return postToApp(appUrl, JSON.stringify(eventCallbackPayload(options)), 'application/json', options);
}
