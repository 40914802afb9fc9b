/**
 * The Teams view: the local Teams tenant's channels and your 1:1 chat with the bot, each card
 * drawn by Microsoft's own Adaptive Cards renderer (adaptivecards.js, the npm package's build,
 * loaded as a classic script: window.AdaptiveCards), dressed as Teams' light theme dresses it.
 * Pressing an Action.Execute button sends an adaptiveCard/action invoke; the card that comes back
 * replaces the pressed one, as in Teams.
 */
import { colourClass, h, initials } from './dom.js';
import { TEAMS_HOST_CONFIG } from './teams-host-config.js';
import { teamsMarkdown } from './teams-markdown.js';

const AC = window.AdaptiveCards;
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = teamsMarkdown(text);
  result.didProcess = true;
};
const hostConfig = new AC.HostConfig(TEAMS_HOST_CONFIG);
/** Drawn cards by activity, kept while the card is the same, so a half-filled form survives a refresh. */
const drawn = new Map();

export const inConversation = (a, id) => a.conversationId === id || a.conversationId.startsWith(`${id};`);

/** `view`: { data, conversation, said: Map(activityId → text), onExecute(activity, verb, data, card) }. */
export function renderTeamsConversation(container, view) {
  const { data, conversation } = view;
  const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 60;
  const previousTop = container.scrollTop;
  const shown = data.activities.filter((a) => inConversation(a, conversation.id));
  const items = [intro(conversation, data)];
  let lastDay = '';
  for (const activity of shown) {
    const day = dayOf(activity.timestamp, data.timezone);
    if (day !== lastDay)
      items.push(h('div', { class: 'day-divider', role: 'separator' }, h('span', {}, day)));
    lastDay = day;
    items.push(activityElement(activity, view));
  }
  container.replaceChildren(...items);
  container.scrollTop = atBottom ? container.scrollHeight : previousTop;
}

function intro(conversation, data) {
  const isChat = conversation.kind === 'chat';
  return h(
    'div',
    { class: 'conversation-intro' },
    h('h2', {}, isChat ? data.bot.name : conversation.name),
    h(
      'p',
      {},
      isChat
        ? `Your chat with ${data.bot.name}. Reminders arrive here, and the bot answers here what only you should see.`
        : `A channel of the ${data.tenant.name} team. The page @mentions the bot for you, as you would in Teams.`,
    ),
    h('p', { class: 'hint' }, 'Type ', h('code', {}, 'improve help'), ' below to see what the bot can do.'),
  );
}

function activityElement(activity, view) {
  const { data } = view;
  const isBot = activity.from.id === data.bot.id;
  const name = activity.from.name;
  const cards = (activity.attachments ?? []).filter(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  const content = cards.length
    ? cards.map((a, i) => cardElement(activity, i, a.content, view))
    : h('div', { class: 'teams-text', html: teamsMarkdown(activity.text) });
  const said = view.said.get(activity.id);
  return h(
    'article',
    {
      class: `message teams-message${isBot ? ' from-bot' : ''}`,
      dataset: { activity: activity.id },
      'aria-label': `Message from ${name}`,
    },
    h(
      'div',
      { class: `avatar ${isBot ? 'bot' : colourClass(activity.from.id)}`, 'aria-hidden': 'true' },
      isBot ? 'IB' : initials(name),
    ),
    h(
      'div',
      { class: 'message-main' },
      h(
        'div',
        { class: 'message-meta' },
        h('strong', { class: 'author' }, name),
        isBot ? h('span', { class: 'app-badge' }, 'Bot') : null,
        h('time', { datetime: activity.timestamp }, timeOf(activity.timestamp, data.timezone)),
        activity.edited ? h('span', { class: 'edited' }, 'Edited') : null,
      ),
      content,
      said ? h('div', { class: 'card-said', role: 'status', html: teamsMarkdown(said) }) : null,
    ),
  );
}

/** One card through the Adaptive Cards renderer, or the one drawn before if it has not changed. */
function cardElement(activity, index, content, view) {
  const key = `${activity.id}/${index}`;
  const json = JSON.stringify(content);
  const kept = drawn.get(key);
  if (kept?.json === json) return kept.element;
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig;
  const element = h('div', { class: 'teams-card' });
  card.onExecuteAction = (action) => {
    if (action instanceof AC.ExecuteAction) view.onExecute(activity, action.verb, action.data ?? {}, element);
    else if (action instanceof AC.OpenUrlAction && action.url)
      window.open(action.url, '_blank', 'noopener,noreferrer');
  };
  try {
    card.parse(content);
    const rendered = card.render();
    if (rendered) element.append(rendered);
  } catch (error) {
    element.append(h('p', { class: 'card-error' }, `This card could not be shown: ${error.message}`));
  }
  drawn.set(key, { json, element });
  return element;
}

function timeOf(iso, timeZone) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

function dayOf(iso, timeZone) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}
