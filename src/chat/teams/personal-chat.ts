/**
 * The person's 1:1 chat with the bot, where everything Slack would show only to them goes:
 * Teams has no ephemeral messages, and a channel reply would be seen by everyone there.
 */
import type { IActivityContext } from '@microsoft/teams.apps';

type ApiClient = IActivityContext['api'];

import type { Deps } from '../../services/deps.js';
import type { InboundMessage } from './messages.js';

/** The 1:1 conversation id: this one, the stored one, or a new one the Bot Connector opens. */
export async function personalChatId(deps: Deps, api: ApiClient, activity: InboundMessage): Promise<string> {
  if (activity.conversation.conversationType === 'personal') return activity.conversation.id;
  const tenantId = activity.conversation.tenantId ?? '';
  const stored = await deps.db.teamsConversation.findUnique({
    where: {
      workspaceId_kind_key: { workspaceId: tenantId, kind: 'personal', key: activity.from.aadObjectId ?? '' },
    },
  });
  if (stored) return stored.conversationId;
  // Works only once the app is installed for the person (it is, for everyone in a team it is added to).
  const created = await api.conversations.create({
    isGroup: false,
    bot: { id: activity.recipient.id },
    members: [{ id: activity.from.id, name: activity.from.name ?? '', role: 'user' }],
    tenantId,
  });
  return created.id;
}
