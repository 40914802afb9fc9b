/** The sidebar: channels, your DM with the bot, the app's Home tab, unread counts, commands to try. */
import { h } from './dom.js';
import { HOME } from './home.js';

/** What one person can open: the workspace's channels, their own DM with the bot, the Home tab. */
export function conversationsOf(data) {
  const me = data.people.find((p) => p.id === data.me);
  return [
    ...data.channels.map((c) => ({ ...c, kind: 'channel' })),
    ...(me ? [{ id: me.dm, name: data.bot.name, kind: 'dm' }, HOME] : []),
  ];
}

/** Messages (thread replies too) newer than what this person last saw there. */
export function unreadCount(data, channelId, lastSeen) {
  return data.messages.filter((m) => m.channel === channelId && Number(m.ts) > (lastSeen[channelId] ?? 0))
    .length;
}

const SIGILS = { channel: '#', dm: '●', home: '⌂' };

export function renderSidebar(nav, view) {
  const { data, current, lastSeen, onSelect, onTry } = view;
  const item = (c) => {
    const unread = c.id === current ? 0 : unreadCount(data, c.id, lastSeen);
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: `conversation-link${c.id === current ? ' active' : ''}${unread ? ' unread' : ''}`,
          'aria-current': c.id === current ? 'page' : undefined,
          dataset: { channel: c.id },
          onclick: () => onSelect(c.id),
        },
        h('span', { class: 'sigil', 'aria-hidden': 'true' }, SIGILS[c.kind]),
        h('span', { class: 'name' }, c.name),
        unread ? h('span', { class: 'badge', 'aria-label': `${unread} unread` }, String(unread)) : null,
      ),
    );
  };
  const all = conversationsOf(data);
  const tries = [
    `${data.command} help`,
    `${data.command} update`,
    `${data.command} update WS1 green All 12 permanent posts filled`,
  ];
  nav.replaceChildren(
    h('h2', { class: 'section-title' }, 'Channels'),
    h('ul', {}, all.filter((c) => c.kind === 'channel').map(item)),
    h('h2', { class: 'section-title' }, 'Direct messages'),
    h('ul', {}, all.filter((c) => c.kind === 'dm').map(item)),
    h('h2', { class: 'section-title' }, `Apps · ${data.bot.name}`),
    h('ul', {}, all.filter((c) => c.kind === 'home').map(item)),
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
