/**
 * What Bolt's HTTPReceiver needs to install the app in several workspaces: the client id and
 * secret, the signed `state` (checked against the browser's cookie on the redirect), the bot
 * scopes of slack-manifest.yml, our database installation store, and pages in plain English for
 * the end of an install. /slack/install and /slack/oauth_redirect are browser GETs: they carry
 * no Slack signature, and the state check is what guards them.
 */
import type { ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import { ErrorCode, type HTTPReceiverOptions, type ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import type { SlackOAuthConfig } from '../../../config/index.js';
import type { Logger } from '../../../logger.js';
import type { SlackInstallationStore } from './installation-store.js';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** The bot scopes of slack-manifest.yml (test/unit/slack-oauth-scopes.test.ts keeps them equal). */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'im:write',
  'im:history',
  'users:read',
  'channels:history',
  'groups:history',
  'files:write',
];

/** Said, with the person's own command, when their workspace has no installation (any more). */
export const NOT_INSTALLED_REPLY =
  'Sorry, improvement-bot is not installed in this workspace (it may have been removed), so I have done nothing. A workspace admin can add it again from the bot’s install page (/slack/install).';

type InstallOptions = Pick<
  HTTPReceiverOptions,
  'clientId' | 'clientSecret' | 'stateSecret' | 'scopes' | 'installationStore' | 'installerOptions'
>;

/** The HTTPReceiver options that turn on the install pages and per-workspace authorisation. */
export function installReceiverOptions(
  oauth: SlackOAuthConfig,
  store: SlackInstallationStore,
  options: { apiUrl?: string; logger: Logger },
): InstallOptions {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: BOT_SCOPES,
    installationStore: store,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      renderHtmlForInstallPath: (addToSlackUrl) =>
        html(
          'Add improvement-bot to Slack',
          `<p>improvement-bot keeps your improvement plan's updates, RAG ratings, actions and weekly board digest in Slack.</p><p><a href="${escapeHtml(addToSlackUrl)}">Add to Slack</a></p>`,
        ),
      // oauth.v2.access and the auth.test after it go where every other Web API call goes.
      clientOptions: options.apiUrl ? { slackApiUrl: options.apiUrl } : {},
      callbackOptions: {
        success: (installation, _options, _req, res) => {
          options.logger.info(
            { teamId: installation.team?.id, enterpriseId: installation.enterprise?.id },
            'installed in a Slack workspace',
          );
          page(
            res,
            200,
            'improvement-bot is installed',
            `It is now in ${installation.team?.name ?? 'your workspace'}. Type /improve help in any channel to start.`,
          );
        },
        failure: (error, _options, _req, res) => {
          options.logger.warn({ code: (error as { code?: string }).code }, 'a Slack install did not finish');
          page(
            res,
            400,
            'The install did not finish',
            'Nothing was installed. Please start again from the install page, in the same browser, within ten minutes.',
          );
        },
      },
    },
  };
}

/**
 * Bolt's answer when a request's workspace has no installation (app.ts rethrows the
 * authorisation error to here): a slash command is told so, with its own text, in the reply; a
 * button or form is told through its response URL; anything else gets a plain 200, so Slack
 * does not retry an event nobody can act on.
 */
export async function answerNotInstalled(
  args: ReceiverProcessEventErrorHandlerArgs,
  logger: Logger,
): Promise<boolean> {
  const { error, request, response } = args;
  if ((error as { code?: string }).code !== ErrorCode.AuthorizationError || response.headersSent)
    return false;
  const raw = (request as { rawBody?: Buffer }).rawBody?.toString('utf8') ?? '';
  const fields = request.headers['content-type'] === 'application/x-www-form-urlencoded' ? parse(raw) : {};
  const teamId = typeof fields.team_id === 'string' ? fields.team_id : undefined;
  logger.info({ teamId }, 'a request from a workspace with no installation');
  if (typeof fields.command === 'string') {
    const typed = `${fields.command} ${typeof fields.text === 'string' ? fields.text : ''}`.trimEnd();
    response
      .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      .end(
        JSON.stringify({ response_type: 'ephemeral', text: `${NOT_INSTALLED_REPLY}\nYou wrote: ${typed}` }),
      );
    return true;
  }
  response.writeHead(200).end();
  const responseUrl = responseUrlOf(fields.payload);
  // The request was signed by Slack (request-guard.ts), so its response URL is Slack's.
  if (responseUrl)
    await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        response_type: 'ephemeral',
        replace_original: false,
        text: NOT_INSTALLED_REPLY,
      }),
    }).catch((failure: unknown) =>
      logger.warn({ err: failure }, 'could not say the workspace has no installation'),
    );
  return true;
}

function responseUrlOf(payload: unknown): string | undefined {
  if (typeof payload !== 'string') return undefined;
  try {
    const url = (JSON.parse(payload) as { response_url?: unknown }).response_url;
    return typeof url === 'string' && url.startsWith('http') ? url : undefined;
  } catch {
    return undefined;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page with `body` (already HTML) under the title. */
const html = (title: string, body: string): string =>
  `<!doctype html><html lang="en-GB"><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1>${body}</html>`;

function page(res: ServerResponse, status: number, title: string, text: string): void {
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
    .end(html(title, `<p>${escapeHtml(text)}</p>`));
}
