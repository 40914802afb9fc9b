/**
 * Conversation references, captured when the bot is installed in a person's 1:1 chat or a team
 * (installationUpdate, or conversationUpdate adding the bot). Teams cannot open a chat by user id
 * as Slack can, so proactive digests and reminders find their way here.
 */
import type { Deps } from '../../services/deps.js';

/** The parts of an install or conversationUpdate activity this reads. */
export interface InstallActivity {
  type: string;
  action?: string;
  serviceUrl?: string;
  from?: { aadObjectId?: string };
  recipient?: { id?: string };
  membersAdded?: { id?: string }[];
  conversation?: { id?: string; tenantId?: string; conversationType?: string };
  channelData?: { tenant?: { id?: string }; channel?: { id?: string }; team?: { id?: string } };
}

/** Stores (or refreshes) where the bot can write after this activity; ignores any other activity. */
export async function rememberConversation(deps: Deps, activity: InstallActivity): Promise<void> {
  const installed =
    (activity.type === 'installationUpdate' && activity.action === 'add') ||
    (activity.type === 'conversationUpdate' &&
      (activity.membersAdded ?? []).some((m) => m.id !== undefined && m.id === activity.recipient?.id));
  if (!installed) return;
  const workspaceId = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
  const conversationId = activity.conversation?.id;
  const serviceUrl = activity.serviceUrl;
  if (!workspaceId || !conversationId || !serviceUrl) return;
  const personal = activity.conversation?.conversationType === 'personal';
  // A 1:1 chat is keyed by the person, so a reminder can find it; a team by its channel.
  const key = personal
    ? activity.from?.aadObjectId
    : (activity.channelData?.channel?.id ?? activity.channelData?.team?.id ?? conversationId);
  if (!key) return;
  const kind = personal ? 'personal' : 'channel';
  await deps.db.teamsConversation.upsert({
    where: { workspaceId_kind_key: { workspaceId, kind, key } },
    create: { workspaceId, kind, key, conversationId, serviceUrl, createdAt: deps.clock.now() },
    update: { conversationId, serviceUrl },
  });
}

/**
 * A channel the bot was @mentioned in, stored like an installed one: installing the app in a team
 * tells the bot of its General channel only, and a board channel is set up by typing
 * `improve setup` in it, so the digest can then be posted there.
 */
export async function rememberChannel(deps: Deps, activity: InstallActivity): Promise<void> {
  const workspaceId = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
  const serviceUrl = activity.serviceUrl;
  const channel =
    activity.channelData?.channel?.id ?? activity.conversation?.id?.replace(/;messageid=.*$/, '');
  if (!workspaceId || !serviceUrl || !channel || activity.conversation?.conversationType !== 'channel')
    return;
  await deps.db.teamsConversation.upsert({
    where: { workspaceId_kind_key: { workspaceId, kind: 'channel', key: channel } },
    create: {
      workspaceId,
      kind: 'channel',
      key: channel,
      conversationId: channel,
      serviceUrl,
      createdAt: deps.clock.now(),
    },
    update: { serviceUrl },
  });
}
