/** The Teams view's sidebar: the team's channels, your chat with the bot, unread counts, commands to try. */
import { h } from './dom.js';
import { inConversation } from './teams.js';

/** The team's channels, then the chat with the bot. */
export function teamsConversations(data) {
  return [
    ...data.channels.map((c) => ({ ...c, kind: 'channel' })),
    ...(data.chat ? [{ id: data.chat, name: data.bot.name, kind: 'chat' }] : []),
  ];
}

export function renderTeamsSidebar(nav, { data, current, lastSeen, onSelect, onTry }) {
  const item = (c) => {
    const unread =
      c.id === current
        ? 0
        : data.activities.filter((a) => inConversation(a, c.id) && a.timestamp > (lastSeen[c.id] ?? ''))
            .length;
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: `conversation-link${c.id === current ? ' active' : ''}${unread ? ' unread' : ''}`,
          'aria-current': c.id === current ? 'page' : undefined,
          dataset: { conversation: c.id },
          onclick: () => onSelect(c.id),
        },
        h('span', { class: 'sigil', 'aria-hidden': 'true' }, c.kind === 'chat' ? '●' : '#'),
        h('span', { class: 'name' }, c.name),
        unread ? h('span', { class: 'badge', 'aria-label': `${unread} unread` }, String(unread)) : null,
      ),
    );
  };
  const all = teamsConversations(data);
  const tries = ['improve help', 'improve status', 'improve update'];
  nav.replaceChildren(
    h('h2', { class: 'section-title' }, `Teams · ${data.tenant.name}`),
    h('ul', {}, all.filter((c) => c.kind === 'channel').map(item)),
    h('h2', { class: 'section-title' }, 'Chat'),
    h('ul', {}, all.filter((c) => c.kind === 'chat').map(item)),
    h('h2', { class: 'section-title' }, 'Try typing'),
    h(
      'ul',
      { class: 'tries' },
      tries.map((text) =>
        h('li', {}, h('button', { type: 'button', class: 'try', onclick: () => onTry(text) }, text)),
      ),
    ),
  );
}
