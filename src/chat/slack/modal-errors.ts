/**
 * Slack shows a modal's field errors as plain text: a mention there would read '<@U0LOCAL002>',
 * not a name. Before a modal's errors go back to Slack, each mention becomes what a person would
 * say: the label Slack put in it, else the person's name from users.info, else the name we stored.
 */
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../services/deps.js';
import { mapTokens } from '../markup.js';
import { toSlackPlain } from './mrkdwn.js';

// The modal must be answered within Slack's three seconds, and its handler may already have used
// up to 1.5 of them (listeners/views.ts), so a slow users.info is not waited for.
const LOOKUP_MS = 800;

type Names = (platformUserIds: string[]) => Promise<Map<string, string>>;

/** The errors with every user and channel mention written as a name. */
export async function errorsWithNames(
  errors: Record<string, string>,
  names: Names,
): Promise<Record<string, string>> {
  const unlabelled: string[] = [];
  mapTokens(Object.values(errors).join('\n'), (token, raw) => {
    if (token.kind === 'person' && !token.label?.trim()) unlabelled.push(token.id);
    return raw;
  });
  // Names are a courtesy: if they cannot be had, the errors still go back, with bare ids.
  const known =
    unlabelled.length > 0
      ? await names([...new Set(unlabelled)]).catch(() => new Map<string, string>())
      : new Map<string, string>();
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, toSlackPlain(message, known)]),
  );
}

/** Names for Slack user ids: Slack's display name or real name, else the one stored on the Person. */
export function slackNames(client: WebClient, deps: Deps, workspaceId: string): Names {
  return async (ids) => {
    const stored = await deps.db.person.findMany({
      where: { workspaceId, platformUserId: { in: ids } },
      select: { platformUserId: true, displayName: true },
    });
    const fallback = new Map(stored.map((p) => [p.platformUserId, p.displayName]));
    const found = await Promise.all(
      ids.map(async (id) => [id, (await slackName(client, id, deps)) || fallback.get(id) || ''] as const),
    );
    return new Map(found.filter(([, name]) => name !== ''));
  };
}

async function slackName(client: WebClient, id: string, deps: Deps): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), LOOKUP_MS);
  });
  const lookUp = client.users.info({ user: id }).then(
    ({ user }) => user?.profile?.display_name || user?.profile?.real_name || user?.real_name || user?.name,
    (error: unknown) => {
      deps.logger.warn({ err: error, user: id }, 'users.info failed; the modal error shows the stored name');
      return undefined;
    },
  );
  try {
    return await Promise.race([lookUp, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
