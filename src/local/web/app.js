/**
 * Local mode's page: a minimal Slack client for the local workspace. It fetches what the
 * chosen person sees, re-fetches whenever the server says something changed (Server-Sent
 * Events), and sends commands, button presses and modal submissions back to be signed and
 * forwarded to the app as Slack would. The switch in the top bar shows the local Teams tenant
 * instead (teams-page.js), drawn by Microsoft's Adaptive Cards renderer.
 */
import { getState, getTeamsState, post } from './api.js';
import { notice, wireComposer } from './composer.js';
import { wireControls } from './controls.js';
import { renderConversation } from './conversation.js';
import { h } from './dom.js';
import { renderHome } from './home.js';
import { showModal } from './modal.js';
import { conversationsOf, renderSidebar } from './sidebar.js';
import { renderTeamsPage } from './teams-page.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const TOPICS = {
  'improvement-board': 'The weekly digest, RAG changes and exceptions for the Improvement Board',
  general: 'Everything else',
};

const app = {
  platform: params.get('platform') ?? localStorage.getItem('improvement-bot.platform') ?? 'slack',
  teams: {
    conversation: params.get('conversation') ?? localStorage.getItem('improvement-bot.teams-conversation'),
    lastSeen: {},
  },
  me: params.get('as') ?? localStorage.getItem('improvement-bot.me'),
  channel: params.get('channel') ?? localStorage.getItem('improvement-bot.channel'),
  data: null,
  lastSeen: {},
  dismissed: new Set(),
  clockOffset: 0,
  toast(text) {
    $('toast-text').textContent = text;
    $('toast').hidden = false;
  },
};

let loading = null;
let again = false;
/** Fetches and renders; a change arriving mid-fetch triggers one more fetch, never a pile-up. */
function refresh() {
  if (loading) {
    again = true;
    return loading;
  }
  loading = (async () => {
    do {
      again = false;
      app.data = app.platform === 'teams' ? await getTeamsState(app.me) : await getState(app.me);
      // No local Teams tenant (the app is set up for a real Teams): the page shows Slack.
      if (!app.data) {
        app.platform = 'slack';
        again = true;
        continue;
      }
      if (!app.data.me && app.data.people.length) {
        app.me = app.data.people[0].id;
        again = true;
        continue;
      }
      render();
    } while (again);
  })()
    .catch((error) => app.toast(`Could not load the workspace: ${error.message}`))
    .finally(() => {
      loading = null;
    });
  return loading;
}

function render() {
  const { data } = app;
  renderPlatformSwitch(data);
  if (app.platform === 'teams') {
    renderWhoAmI(data);
    renderTeamsPage(app, render);
    app.clockOffset = Date.parse(data.now) - Date.now();
    showClock();
    return;
  }
  const conversations = conversationsOf(data);
  const channel = conversations.find((c) => c.id === app.channel) ?? conversations[0];
  app.channel = channel.id;
  const ctx = renderContext(data);
  renderWhoAmI(data);
  $('conversation-title').textContent = channel.kind === 'channel' ? `#${channel.name}` : channel.name;
  $('conversation-topic').textContent =
    channel.kind === 'dm'
      ? 'Direct message with the bot'
      : channel.kind === 'home'
        ? `${data.bot.name}'s Home tab`
        : (TOPICS[channel.name] ?? '');
  $('message-box').placeholder =
    `Message ${channel.kind === 'dm' ? channel.name : `#${channel.name}`}: try ${data.command} help`;
  // Slack's Home tab has no message box.
  $('composer').hidden = channel.kind === 'home';
  if (channel.kind === 'home') renderHome($('messages'), { data, ctx, onAction: pressOnHome });
  else
    renderConversation($('messages'), {
      data,
      channel,
      ctx,
      dismissed: app.dismissed,
      onAction: pressButton,
      onDismiss: (ts) => {
        app.dismissed.add(ts);
        render();
      },
    });
  app.lastSeen[channel.id] = Math.max(
    0,
    ...data.messages.filter((m) => m.channel === channel.id).map((m) => Number(m.ts)),
  );
  renderSidebar($('sidebar'), {
    data,
    current: channel.id,
    lastSeen: app.lastSeen,
    onSelect: selectConversation,
    onTry: (text) => {
      $('message-box').value = text;
      $('message-box').focus();
    },
  });
  showModal($('modal-root'), data.modal, ctx, {
    onSubmit: submitModal,
    onClose: (viewId) => post('/local/close', { viewId }),
  });
  app.clockOffset = Date.parse(data.now) - Date.now();
  showClock();
}

/** The Slack | Teams switch: shown when the app has a local Teams tenant, pressed for the view shown. */
function renderPlatformSwitch(data) {
  const teamsOn = app.platform === 'teams' || data.teams;
  $('platform-switch').hidden = !teamsOn;
  document.body.classList.toggle('platform-teams', app.platform === 'teams');
  for (const button of document.querySelectorAll('[data-platform]'))
    button.setAttribute('aria-pressed', String(button.dataset.platform === app.platform));
  $('brand-tag').textContent = app.platform === 'teams' ? 'local mode · not Teams' : 'local mode · not Slack';
}

function switchPlatform(platform) {
  if (platform === app.platform) return;
  app.platform = platform;
  localStorage.setItem('improvement-bot.platform', platform);
  notice('');
  refresh().then(openHomeIfThere);
}

function renderContext(data) {
  const people = new Map(data.people.map((p) => [p.id, p.realName]));
  people.set(data.bot.id, data.bot.name);
  return { people, channels: new Map(data.channels.map((c) => [c.id, c.name])), roster: data.people };
}

function renderWhoAmI(data) {
  const select = $('whoami');
  if (!select.options.length) {
    select.append(...data.people.map((p) => h('option', { value: p.id }, `${p.realName} · ${p.title}`)));
  }
  select.value = data.me;
}

function selectConversation(channelId) {
  app.channel = channelId;
  localStorage.setItem('improvement-bot.channel', channelId);
  render();
  if (channelId === 'home') openHome();
  else $('message-box').focus();
}

/** Slack tells the app each time someone opens its Home tab; the app publishes it afresh. */
async function openHome() {
  const result = await post('/local/home', { userId: app.me });
  if (!result.ok) app.toast(result.body.error ?? 'The Home tab did not open.');
}

async function pressOnHome(action, button) {
  button.disabled = true;
  const result = await post('/local/home-action', { userId: app.me, ...action });
  button.disabled = false;
  if (!result.ok) app.toast(result.body.error ?? 'That button did not work.');
}

async function pressButton(message, action, button) {
  button.disabled = true;
  const result = await post('/local/action', {
    userId: app.me,
    channelId: message.channel,
    messageTs: message.ts,
    ...action,
  });
  button.disabled = false;
  if (!result.ok) app.toast(result.body.error ?? 'That button did not work.');
}

async function submitModal(viewId, values) {
  const result = await post('/local/submit', { userId: app.me, viewId, values });
  if (!result.ok) app.toast(result.body.error ?? 'The form was not sent.');
  return result.body;
}

function showClock() {
  const now = new Date(Date.now() + app.clockOffset);
  $('clock').textContent = new Intl.DateTimeFormat('en-GB', {
    timeZone: app.data.timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(now);
}

wireComposer(app);
$('whoami').addEventListener('change', (event) => {
  app.me = event.target.value;
  localStorage.setItem('improvement-bot.me', app.me);
  app.lastSeen = {};
  app.teams.lastSeen = {};
  app.dismissed.clear();
  notice('');
  refresh().then(openHomeIfThere);
});
for (const button of document.querySelectorAll('[data-platform]'))
  button.addEventListener('click', () => switchPlatform(button.dataset.platform));
$('toast-close').addEventListener('click', () => {
  $('toast').hidden = true;
});
wireControls([...document.querySelectorAll('[data-control]')], $('clock-to'), app);
setInterval(() => app.data && showClock(), 15_000);
new EventSource('/local/events').onmessage = () => refresh();
refresh().then(openHomeIfThere);

/** Whoever is on the Home tab (after a reload, or a change of person) sees their own, fresh. */
function openHomeIfThere() {
  if (app.platform === 'slack' && app.channel === 'home') openHome();
}
