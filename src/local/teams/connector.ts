/**
 * Microsoft's side of Teams for local mode, on loopback: the Bot Framework's OpenID metadata and
 * keys, the bot token endpoint, and a Bot Connector that keeps what the bot sends (new messages,
 * replies, card updates) for the page to show, as Teams keeps a chat's history. The real Teams app
 * (src/chat/teams) talks to it exactly as it talks to Microsoft, given its addresses in the config.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSigner, type Signer } from './signing.js';
import { LOCAL_TEAMS_BOT, memberOf } from './workspace.js';

/** One message in a Teams conversation, the bot's or a person's, as the page shows it. */
export interface StoredActivity {
  id: string;
  conversationId: string;
  from: { id: string; name: string };
  text: string;
  attachments?: { contentType: string; content: unknown }[];
  timestamp: string;
  edited?: boolean;
}

export interface TeamsConnector {
  /** The serviceUrl activities carry: where the bot answers. */
  serviceUrl: string;
  openIdMetadataUrl: string;
  tokenUrl: string;
  signer: Signer;
  activities: StoredActivity[];
  /** Requests the stand-in did not expect (answered 404), for tests to assert none. */
  unexpected: string[];
  /** Records a person's own message, as Teams shows it in the conversation they typed in. */
  record(activity: Omit<StoredActivity, 'id' | 'timestamp'>): StoredActivity;
  /** Puts a card in place of an activity's (the answer to a pressed Action.Execute button). */
  replaceCard(activityId: string, card: unknown): boolean;
  restore(activities: StoredActivity[]): void;
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}

export interface ConnectorOptions {
  clientId: string;
  clientSecret: string;
  clock: () => Date;
}

type Json = Record<string, unknown>;
type Answer = { status: number; body: unknown };

export async function startTeamsConnector(options: ConnectorOptions): Promise<TeamsConnector> {
  const signer = createSigner();
  const activities: StoredActivity[] = [];
  const unexpected: string[] = [];
  const issued = new Set<string>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const changed = () => events.emit('change');
  let base = '';
  let next = 0;
  const newId = () => {
    next += 1;
    return `${options.clock().getTime()}-${next}`;
  };

  const store = (conversationId: string, body: Json): StoredActivity => {
    const from = body.from as { id?: string; name?: string } | undefined;
    const activity: StoredActivity = {
      id: newId(),
      conversationId,
      // The SDK sends the bot's replies without a `from`; Teams shows them as the bot's.
      from: { id: String(from?.id ?? LOCAL_TEAMS_BOT.id), name: String(from?.name ?? LOCAL_TEAMS_BOT.name) },
      text: String(body.text ?? ''),
      ...(Array.isArray(body.attachments) ? { attachments: body.attachments as never } : {}),
      timestamp: options.clock().toISOString(),
    };
    activities.push(activity);
    changed();
    return activity;
  };

  function connector(method: string, path: string, body: Json): Answer | undefined {
    if (method === 'POST' && path === '/v3/conversations') {
      // A 1:1 chat opened by the bot: each person has one, made when the app was installed.
      const member = memberOf(String((body.members as { id?: string }[] | undefined)?.[0]?.id ?? ''));
      return member
        ? { status: 201, body: { id: member.personalChat } }
        : { status: 404, body: error('MemberNotFoundInConversation') };
    }
    const m = /^\/v3\/conversations\/([^/]+)(?:\/(members|activities)(?:\/([^/]+))?)?\/?$/.exec(path);
    if (!m) return undefined;
    const [, conversation, kind, item] = m.map((s) => (s ? decodeURIComponent(s) : s));
    if (kind === 'members' && method === 'GET' && item) {
      const member = memberOf(item);
      return member
        ? {
            status: 200,
            body: { id: member.teamsId, aadObjectId: member.aadObjectId, name: member.name },
          }
        : { status: 404, body: error('MemberNotFoundInConversation') };
    }
    if (kind !== 'activities') return undefined;
    if (method === 'POST') return { status: 201, body: { id: store(conversation!, body).id } };
    if (method === 'PUT' && item) {
      const found = activities.find((a) => a.id === item);
      if (!found) return { status: 404, body: error('ActivityNotFound') };
      found.text = String(body.text ?? found.text);
      if (Array.isArray(body.attachments)) found.attachments = body.attachments as never;
      found.edited = true;
      changed();
      return { status: 200, body: { id: item } };
    }
    return undefined;
  }

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
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const found = connector(method, path, body);
    if (!found) unexpected.push(`${method} ${path}`);
    else if (!issued.has(bearer)) return { status: 401, body: error('Unauthorized') };
    return found ?? { status: 404, body: error('NotFound') };
  }

  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => send(res, answer(req, body)),
      () => send(res, { status: 400, body: error('BadSyntax') }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    serviceUrl: `${base}/`,
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    tokenUrl: `${base}/botframework.com/oauth2/v2.0/token`,
    signer,
    activities,
    unexpected,
    record: (activity) => {
      const stored = { ...activity, id: newId(), timestamp: options.clock().toISOString() };
      activities.push(stored);
      changed();
      return stored;
    },
    replaceCard(activityId, card) {
      const found = activities.find((a) => a.id === activityId);
      if (!found) return false;
      found.attachments = [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }];
      found.edited = true;
      changed();
      return true;
    },
    restore: (saved) => void activities.push(...saved),
    onChange: (listener) => {
      events.on('change', listener);
      return () => events.off('change', listener);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const error = (code: string) => ({ error: { code, message: `local Bot Connector: ${code}` } });

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
