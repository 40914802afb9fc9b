/**
 * The message box. Commands are sent to be signed and forwarded to the app; anything else gets a
 * note, since only the bot listens here. On failure the text stays in the box.
 */
import { post } from './api.js';

const $ = (id) => document.getElementById(id);

/** Shows (or with '' hides) the note above the message box. */
export function notice(text) {
  $('notice').textContent = text;
  $('notice').hidden = !text;
}

/** `app`: { me, channel, data }, read at send time so it follows who you are and where. */
export function wireComposer(app) {
  const box = $('message-box');
  async function send(event) {
    event.preventDefault();
    const text = box.value.trim();
    if (!text) return;
    if (app.platform === 'teams') return sendToTeams(app, text);
    if (!text.startsWith('/')) {
      notice(
        `Only the bot is listening in this local workspace, and it answers commands: try ${app.data.command} help.`,
      );
      return;
    }
    box.disabled = true;
    const result = await post('/local/command', { userId: app.me, channelId: app.channel, text });
    box.disabled = false;
    box.focus();
    if (!result.ok) {
      notice(result.body.error ?? 'The command was not sent.');
      return;
    }
    box.value = '';
    notice('');
  }
  // Teams has no slash commands: a message to the bot is the command ('improve help').
  async function sendToTeams(app, text) {
    box.disabled = true;
    const conversation = app.teams.conversation;
    const result = await post('/local/teams/message', { userId: app.me, conversationId: conversation, text });
    box.disabled = false;
    box.focus();
    if (!result.ok) return notice(result.body.error ?? 'The message was not sent.');
    box.value = '';
    notice(
      result.body.answersIn === conversation
        ? ''
        : 'The bot answers in your chat with it: Teams has no replies in a channel that only you can see.',
    );
  }
  $('composer').addEventListener('submit', send);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) send(event);
  });
}
