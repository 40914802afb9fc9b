/**
 * What Slack does to a slash command's text before the app sees it: '&', '<' and '>' escaped,
 * and, with "escape channels, users and links" on, @mentions and #channels turned into
 * <@U…|name> and <#C…|name>. The page's message box gets the same treatment so commands see
 * exactly what they would see from Slack.
 */
export interface Named {
  id: string;
  name: string;
  displayName?: string;
}

// A mention starts a word: 'ops@here.example' is an e-mail address, not a mention.
const MENTION = /(^|[\s(])@([a-z][\w.-]*[a-z0-9])/gi;
const CHANNEL = /(^|[\s(])#([a-z0-9][\w-]*)/gi;

export function encodeCommandText(text: string, people: Named[], channels: Named[]): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .replace(MENTION, (all, before: string, handle: string) => {
      const lower = handle.toLowerCase();
      const person = people.find((p) => p.name === lower || p.displayName?.toLowerCase() === lower);
      return person ? `${before}<@${person.id}|${person.name}>` : all;
    })
    .replace(CHANNEL, (all, before: string, name: string) => {
      const channel = channels.find((c) => c.name === name.toLowerCase());
      return channel ? `${before}<#${channel.id}|${channel.name}>` : all;
    });
}
