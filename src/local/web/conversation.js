/**
 * The open conversation: messages oldest first with day dividers, the bot's Block Kit, thread
 * replies under their parent, ephemeral replies marked 'Only visible to you', '(edited)' after
 * chat.update. Scroll stays put unless you were already at the bottom.
 */
import { renderBlocks } from './blocks.js';
import { colourClass, h, initials } from './dom.js';
import { mrkdwn } from './mrkdwn.js';

const byTs = (a, b) => Number(a.ts) - Number(b.ts);

/** `view`: { data, channel, ctx, dismissed:Set, onAction(message, action, button), onDismiss(ts) }. */
export function renderConversation(container, view) {
  const { data, channel } = view;
  const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 60;
  const previousTop = container.scrollTop;
  const inChannel = data.messages.filter((m) => m.channel === channel.id && !view.dismissed.has(m.ts));
  const replies = new Map();
  for (const m of inChannel.filter((m) => m.threadTs).sort(byTs))
    replies.set(m.threadTs, [...(replies.get(m.threadTs) ?? []), m]);
  const items = [intro(channel, data)];
  let lastDay = '';
  for (const m of inChannel
    .filter((m) => !m.threadTs || !inChannel.some((p) => p.ts === m.threadTs))
    .sort(byTs)) {
    const day = dayOf(m.ts, data.timezone);
    if (day !== lastDay)
      items.push(h('div', { class: 'day-divider', role: 'separator' }, h('span', {}, day)));
    lastDay = day;
    items.push(messageElement(m, view, replies.get(m.ts) ?? []));
  }
  container.replaceChildren(...items);
  container.scrollTop = atBottom ? container.scrollHeight : previousTop;
}

function intro(channel, data) {
  const what =
    channel.kind === 'dm'
      ? `This is your conversation with ${data.bot.name}. Reminders and nudges arrive here.`
      : `This is the very beginning of #${channel.name}.`;
  return h(
    'div',
    { class: 'conversation-intro' },
    h('h2', {}, channel.kind === 'dm' ? data.bot.name : `#${channel.name}`),
    h('p', {}, what),
    h(
      'p',
      { class: 'hint' },
      'Type ',
      h('code', {}, `${data.command} help`),
      ' below to see what the bot can do.',
    ),
  );
}

function messageElement(m, view, threadReplies) {
  const { data, ctx } = view;
  const isBot = m.user === data.bot.id;
  const name = isBot ? data.bot.name : (ctx.people.get(m.user) ?? m.user);
  const content = m.blocks?.length
    ? renderBlocks(m.blocks, ctx, (action, button) => view.onAction(m, action, button))
    : h('div', { class: 'mrkdwn', html: mrkdwn(m.text, ctx) });
  return h(
    'article',
    {
      class: `message${m.ephemeral ? ' ephemeral' : ''}`,
      dataset: { ts: m.ts },
      'aria-label': `Message from ${name}`,
    },
    h(
      'div',
      { class: `avatar ${isBot ? 'bot' : colourClass(m.user)}`, 'aria-hidden': 'true' },
      isBot ? 'IB' : initials(name),
    ),
    h(
      'div',
      { class: 'message-main' },
      h(
        'div',
        { class: 'message-meta' },
        h('strong', { class: 'author' }, name),
        isBot ? h('span', { class: 'app-badge' }, 'APP') : null,
        h('time', { datetime: new Date(Number(m.ts) * 1000).toISOString() }, timeOf(m.ts, data.timezone)),
        m.edited ? h('span', { class: 'edited' }, '(edited)') : null,
      ),
      m.ephemeral
        ? h(
            'div',
            { class: 'ephemeral-label' },
            'Only visible to you',
            h('button', { type: 'button', class: 'link', onclick: () => view.onDismiss(m.ts) }, 'Dismiss'),
          )
        : null,
      content,
      threadReplies.length ? thread(threadReplies, view) : null,
    ),
  );
}

function thread(threadReplies, view) {
  const count = threadReplies.length;
  return h(
    'section',
    { class: 'thread', 'aria-label': 'Thread' },
    h('div', { class: 'thread-count' }, `${count} ${count === 1 ? 'reply' : 'replies'}`),
    threadReplies.map((r) => messageElement(r, view, [])),
  );
}

function timeOf(ts, timeZone) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(Number(ts) * 1000),
  );
}

function dayOf(ts, timeZone) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Number(ts) * 1000));
}
