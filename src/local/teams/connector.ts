/**
 * Microsoft's side of Teams for local mode, on loopback: the Bot Framework's OpenID metadata and
 * keys, the bot token endpoint, and a Bot Connector that keeps what the bot sends (new messages,
 * replies, card updates) for the page to show, as Teams keeps a chat's history. The real Teams app
 * (src/chat/teams) talks to it exactly as it talks to Microsoft, given its addresses in the config.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChatHistory } from './chat-history.js';
import { type Answer, connectorError, conversationRoutes } from './conversation-routes.js';
import { createSigner, type Signer } from './signing.js';

export type { StoredActivity } from './chat-history.js';

export interface TeamsConnector {
  /** The serviceUrl activities carry: where the bot answers. */
  serviceUrl: string;
  openIdMetadataUrl: string;
  tokenUrl: string;
  signer: Signer;
  history: ChatHistory;
  /** Requests the stand-in did not expect (answered 404), for tests to assert none. */
  unexpected: string[];
  close(): Promise<void>;
}

export interface ConnectorOptions {
  clientId: string;
  clientSecret: string;
  clock: () => Date;
}

type Json = Record<string, unknown>;

export async function startTeamsConnector(options: ConnectorOptions): Promise<TeamsConnector> {
  const signer = createSigner();
  const history = new ChatHistory(options.clock);
  const unexpected: string[] = [];
  const issued = new Set<string>();
  let base = '';

  function answer(req: IncomingMessage, body: Json): Answer {
    const method = req.method ?? '';
    const path = (req.url ?? '/').split('?')[0]!;
    if (method === 'GET' && path === '/v1/.well-known/openidconfiguration')
      return { status: 200, body: signer.metadata(`${base}/v1/.well-known/keys`) };
    if (method === 'GET' && path === '/v1/.well-known/keys') return { status: 200, body: signer.keys() };
    if (method === 'POST' && path === '/botframework.com/oauth2/v2.0/token') {
      if (body.client_id !== options.clientId || body.client_secret !== options.clientSecret)
        return { status: 401, body: { error: 'invalid_client' } };
      const token = signer.sign({ aud: 'https://api.botframework.com', appid: options.clientId });
      issued.add(token);
      return { status: 200, body: { token_type: 'Bearer', expires_in: 3600, access_token: token } };
    }
    // Only the bot, with a token from the endpoint above, may use the Bot Connector.
    if (!issued.has((req.headers.authorization ?? '').replace(/^Bearer /, '')))
      return { status: 401, body: connectorError('Unauthorized') };
    const found = conversationRoutes(history, method, path, body);
    if (!found) unexpected.push(`${method} ${path}`);
    return found ?? { status: 404, body: connectorError('NotFound') };
  }

  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => send(res, answer(req, body)),
      () => send(res, { status: 400, body: connectorError('BadSyntax') }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    serviceUrl: `${base}/`,
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    tokenUrl: `${base}/botframework.com/oauth2/v2.0/token`,
    signer,
    history,
    unexpected,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, { status, body }: Answer): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** JSON, or the token request's form, as an object. */
async function readBody(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if (String(req.headers['content-type']).includes('x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  return JSON.parse(text) as Json;
}
