/**
 * The page in its Teams view: the header, the conversation and the sidebar from the Teams
 * tenant's state, and a pressed card button sent as Teams would send it.
 */
import { post } from './api.js';
import { notice } from './composer.js';
import { inConversation, renderTeamsConversation } from './teams.js';
import { renderTeamsSidebar, teamsConversations } from './teams-sidebar.js';

const $ = (id) => document.getElementById(id);
/** What the bot answered to a pressed button with words rather than a card, by activity. */
const said = new Map();

/** `app`: the page's state (app.js), with `teams` { conversation, lastSeen } for this view. */
export function renderTeamsPage(app, rerender) {
  const { data } = app;
  const conversations = teamsConversations(data);
  const conversation = conversations.find((c) => c.id === app.teams.conversation) ?? conversations[0];
  app.teams.conversation = conversation.id;
  $('conversation-title').textContent = conversation.name;
  $('conversation-topic').textContent =
    conversation.kind === 'chat' ? 'Chat with the bot' : `${data.tenant.name} team · channel`;
  $('message-box').placeholder = `Type a message in ${conversation.name}: try improve help`;
  $('composer').hidden = false;
  $('modal-root').replaceChildren();
  renderTeamsConversation($('messages'), {
    data,
    conversation,
    said,
    onExecute: (activity, verb, values, card) => press(app, activity, verb, values, card, rerender),
  });
  const newest = data.activities.filter((a) => inConversation(a, conversation.id)).at(-1);
  if (newest) app.teams.lastSeen[conversation.id] = newest.timestamp;
  renderTeamsSidebar($('sidebar'), {
    data,
    current: conversation.id,
    lastSeen: app.teams.lastSeen,
    onSelect: (id) => {
      app.teams.conversation = id;
      localStorage.setItem('improvement-bot.teams-conversation', id);
      notice('');
      rerender();
      $('message-box').focus();
    },
    onTry: (text) => {
      $('message-box').value = text;
      $('message-box').focus();
    },
  });
}

async function press(app, activity, verb, data, card, rerender) {
  const buttons = [...card.querySelectorAll('button')];
  for (const b of buttons) b.disabled = true;
  card.setAttribute('aria-busy', 'true');
  said.delete(activity.id);
  const result = await post('/local/teams/action', { userId: app.me, activityId: activity.id, verb, data });
  card.removeAttribute('aria-busy');
  for (const b of buttons) b.disabled = false;
  if (!result.ok) return app.toast(result.body.error ?? 'That button did not work.');
  if (result.body.said) {
    said.set(activity.id, result.body.said);
    rerender();
  }
}
