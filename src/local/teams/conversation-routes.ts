/**
 * The Bot Connector calls the bot makes, answered from the chat history: send or reply, update a
 * card, look up a member, open a 1:1 chat. Anything else is undefined (the caller answers 404).
 */
import type { ChatHistory } from './chat-history.js';
import { memberOf } from './workspace.js';

export type Answer = { status: number; body: unknown };

export const connectorError = (code: string) => ({
  error: { code, message: `local Bot Connector: ${code}` },
});

const CONVERSATION = /^\/v3\/conversations\/([^/]+)(?:\/(members|activities)(?:\/([^/]+))?)?\/?$/;

export function conversationRoutes(
  history: ChatHistory,
  method: string,
  path: string,
  body: Record<string, unknown>,
): Answer | undefined {
  if (method === 'POST' && path === '/v3/conversations') {
    // A 1:1 chat opened by the bot: each person has one, made when the app was installed.
    const member = memberOf(String((body.members as { id?: string }[] | undefined)?.[0]?.id ?? ''));
    return member
      ? { status: 201, body: { id: member.personalChat } }
      : { status: 404, body: connectorError('MemberNotFoundInConversation') };
  }
  const m = CONVERSATION.exec(path);
  if (!m) return undefined;
  const [, conversation, kind, item] = m.map((s) => (s ? decodeURIComponent(s) : s));
  if (kind === 'members' && method === 'GET' && item) {
    const member = memberOf(item);
    return member
      ? { status: 200, body: { id: member.teamsId, aadObjectId: member.aadObjectId, name: member.name } }
      : { status: 404, body: connectorError('MemberNotFoundInConversation') };
  }
  if (kind !== 'activities') return undefined;
  if (method === 'POST') return { status: 201, body: { id: history.add(conversation!, body).id } };
  if (method === 'PUT' && item)
    return history.update(item, body)
      ? { status: 200, body: { id: item } }
      : { status: 404, body: connectorError('ActivityNotFound') };
  return undefined;
}
