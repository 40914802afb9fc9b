/**
 * The names Teams shows for `<person:ID>` tokens that carry no label: Teams, unlike Slack, does
 * not turn an id into a name itself, so the renderer is told the names the workspace knows.
 */
import type { Deps } from '../../services/deps.js';
import type { Message } from '../message.js';
import type { Names } from './markdown.js';

const PERSON = /<person:([^<>|\s]+)>/g;

/**
 * The display names of the people a message mentions without a label: from Person, then, for
 * anyone it has no name for, from `ask` (the Bot Connector's member look-up), when given.
 */
export async function personNames(
  deps: Pick<Deps, 'db'>,
  workspaceId: string,
  message: Message,
  known: Record<string, string> = {},
  ask?: (id: string) => Promise<string | undefined>,
): Promise<Names> {
  const ids = new Set<string>();
  for (const match of JSON.stringify(message).matchAll(PERSON)) if (!known[match[1]!]) ids.add(match[1]!);
  if (ids.size === 0) return { people: known };
  const people = await deps.db.person.findMany({
    where: { workspaceId, platformUserId: { in: [...ids] }, displayName: { not: '' } },
    select: { platformUserId: true, displayName: true },
  });
  const found: Record<string, string> = {
    ...Object.fromEntries(people.map((p) => [p.platformUserId, p.displayName])),
    ...known,
  };
  if (ask)
    for (const id of ids) {
      if (found[id]) continue;
      const name = await ask(id).catch(() => undefined);
      if (name) found[id] = name;
    }
  return { people: found };
}
