/**
 * Microsoft's side of Teams, on loopback: the Bot Framework's OpenID metadata and signing keys (an
 * RSA key under a kid of each stand-in's own, so tokens are validated for real), the bot token
 * endpoint, and a Bot Connector that records what the bot sends. Anything else it is asked is
 * recorded as unexpected and answered 404, and `assertExpected()` fails the test on it.
 */
import { createSign, generateKeyPairSync, type KeyPairKeyObjectResult, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId?: string;
  activityId?: string;
  authorization?: string;
  body: Record<string, unknown>;
}

export interface TeamsStandin {
  url: string;
  /** TEAMS_OPENID_METADATA_URL for the app. */
  openIdMetadataUrl: string;
  /** TEAMS_TOKEN_URL for the app. */
  tokenUrl: string;
  /** Every Bot Connector call, in order. */
  calls: ConnectorCall[];
  /** Requests nobody expected. */
  unexpected: string[];
  /** A Bot Framework token as Teams signs it; `overrides` change or add claims (a wrong audience). */
  sign(claims?: Record<string, unknown>): string;
  /** A token signed by a key the metadata does not publish. */
  signWithStrangeKey(claims?: Record<string, unknown>): string;
  /** The next connector call is answered 429 with this Retry-After (seconds). */
  rateLimitNext(retryAfterSeconds: number): void;
  /** Teams users the Bot Connector knows, by Teams user id ('29:…'), for member look-ups. */
  members: Map<string, { aadObjectId: string; name: string }>;
  /** The next connector call fails as the Bot Connector fails: this status and error code. */
  failNext(failure: { status: number; code: string }): void;
  /** Resolves when `n` connector calls have been recorded. */
  waitForCalls(n: number): Promise<ConnectorCall[]>;
  /** Calls `listener` with each connector call as it is recorded; returns the unsubscribe. */
  onCall(listener: (call: ConnectorCall) => void): () => void;
  assertExpected(): void;
  close(): Promise<void>;
}

const ISSUER = 'https://api.botframework.com';

/**
 * The signing key, and a second one the metadata never publishes, made once per test file: an
 * RSA key takes 50–300 ms to make on a slow machine, and a fresh pair for every stand-in was most
 * of a Teams test's time. A token from another stand-in is still refused, by its kid.
 */
let signingKey: KeyPairKeyObjectResult | undefined;
let strangeKey: KeyPairKeyObjectResult | undefined;
const rsaKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const strange = (): KeyPairKeyObjectResult => {
  strangeKey ??= rsaKey();
  return strangeKey;
};

/** Starts the stand-in; `clientId`/`clientSecret` are what the bot must present for its token. */
export async function startTeamsStandin(options: {
  clientId: string;
  clientSecret: string;
}): Promise<TeamsStandin> {
  const kid = `standin-${randomUUID()}`;
  signingKey ??= rsaKey();
  const key = signingKey;
  const calls: ConnectorCall[] = [];
  const members = new Map<string, { aadObjectId: string; name: string }>();
  const unexpected: string[] = [];
  let throttle: number | undefined;
  let failure: { status: number; code: string } | undefined;
  let waiters: (() => void)[] = [];
  const listeners = new Set<(call: ConnectorCall) => void>();
  const base = { url: '' };

  const server = createServer((req, res) => {
    readJson(req).then(
      (body) => answer(req, res, body),
      () => {
        res.writeHead(400).end();
      },
    );
  });

  function answer(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): ServerResponse {
    const path = (req.url ?? '/').split('?')[0]!;
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
    if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration')
      return json(200, {
        issuer: ISSUER,
        jwks_uri: `${base.url}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    if (req.method === 'GET' && path === '/v1/.well-known/keys')
      return json(200, {
        keys: [{ ...key.publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }],
      });
    if (req.method === 'POST' && path === '/botframework.com/oauth2/v2.0/token') {
      const ok = body.client_id === options.clientId && body.client_secret === options.clientSecret;
      if (!ok) unexpected.push(`token request with wrong credentials: ${JSON.stringify(body)}`);
      return ok
        ? json(200, { token_type: 'Bearer', expires_in: 3600, access_token: botToken() })
        : json(401, { error: 'invalid_client' });
    }
    const connector = matchConnector(req.method ?? '', path);
    if (!connector) {
      unexpected.push(`${req.method} ${path}`);
      return json(404, { error: { code: 'NotFound', message: 'not expected by the stand-in' } });
    }
    if (failure) {
      const { status, code } = failure;
      failure = undefined;
      return json(status, { error: { code, message: `the stand-in was told to fail with ${code}` } });
    }
    if (throttle !== undefined) {
      const seconds = throttle;
      throttle = undefined;
      return json(429, { error: { code: 'Throttled' } }, { 'retry-after': String(seconds) });
    }
    const call: ConnectorCall = {
      ...connector,
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization,
      body,
    };
    calls.push(call);
    for (const listener of listeners) listener(call);
    for (const wake of waiters) wake();
    waiters = [];
    if (connector.memberId) {
      // Teams finds a member by their Teams user id or their Entra object id.
      const member =
        members.get(connector.memberId) ??
        [...members.values()].find((m) => m.aadObjectId === connector.memberId);
      return member
        ? json(200, {
            id: connector.memberId,
            ...member,
            userPrincipalName: `${member.name}@council.example`,
          })
        : json(404, { error: { code: 'MemberNotFoundInConversation', message: 'no such member' } });
    }
    if (path === '/v3/conversations') return json(201, { id: `a:${randomUUID()}`, activityId: randomUUID() });
    return json(200, { id: connector.activityId ?? `activity-${calls.length}` });
  }

  function jwt(privateKey: typeof key.privateKey, claims: Record<string, unknown>): string {
    const now = Math.floor(Date.now() / 1000); // the SDK checks expiry against real time
    const header = { alg: 'RS256', typ: 'JWT', kid };
    const payload = {
      iss: ISSUER,
      aud: options.clientId,
      serviceurl: `${base.url}/`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      ...claims,
    };
    const unsigned = `${b64(header)}.${b64(payload)}`;
    return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey, 'base64url')}`;
  }
  // The bot's own token is only carried back to the connector; its shape matters, not its signature.
  const botToken = () =>
    jwt(key.privateKey, { aud: 'https://api.botframework.com', appid: options.clientId });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: base.url,
    openIdMetadataUrl: `${base.url}/v1/.well-known/openidconfiguration`,
    tokenUrl: `${base.url}/botframework.com/oauth2/v2.0/token`,
    calls,
    members,
    unexpected,
    sign: (claims = {}) => jwt(key.privateKey, claims),
    signWithStrangeKey: (claims = {}) => jwt(strange().privateKey, claims),
    rateLimitNext: (seconds) => {
      throttle = seconds;
    },
    failNext: (next) => {
      failure = next;
    },
    waitForCalls: async (n) => {
      while (calls.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
      return calls.slice(0, n);
    },
    onCall: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    assertExpected: () => {
      if (unexpected.length)
        throw new Error(`The Teams stand-in was asked what it did not expect:\n${unexpected.join('\n')}`);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The Bot Connector calls a bot makes: reply or proactive send, a new 1:1 chat, a card update, a
 * member look-up.
 */
function matchConnector(
  method: string,
  path: string,
): { conversationId?: string; activityId?: string; memberId?: string } | null {
  if (method === 'POST' && path === '/v3/conversations') return {};
  const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
  if (method === 'GET' && member)
    return { conversationId: decodeURIComponent(member[1]!), memberId: decodeURIComponent(member[2]!) };
  const send = /^\/v3\/conversations\/([^/]+)\/activities\/?$/.exec(path);
  if (method === 'POST' && send) return { conversationId: decodeURIComponent(send[1]!) };
  const update = /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/.exec(path);
  if (update && (method === 'PUT' || method === 'POST'))
    return { conversationId: decodeURIComponent(update[1]!), activityId: decodeURIComponent(update[2]!) };
  return null;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** JSON or form bodies (the token request is a form), as an object. */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if (String(req.headers['content-type']).includes('x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  return JSON.parse(text) as Record<string, unknown>;
}
