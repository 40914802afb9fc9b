/**
 * The local-mode controls: send this week's digest or today's reminders now, or move the local
 * clock forward (a day, a week, or to the next given time of day) and run the scheduler. The
 * toast says what happened and where to look.
 */
import { post } from './api.js';

export function wireControls(buttons, form, app) {
  const controls = [...buttons, ...form.querySelectorAll('input, button')];
  const run = async (body) => {
    for (const c of controls) c.disabled = true;
    const result = await post('/local/control', { ...body, platform: app.platform });
    for (const c of controls) c.disabled = false;
    if (!result.ok) return app.toast(result.body.error ?? 'That did not work.');
    app.toast(summarise(result.body, app.data));
  };
  for (const button of buttons) {
    button.addEventListener('click', () => run({ action: button.dataset.control }));
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run({ action: 'time', time: form.querySelector('input').value });
  });
}

/** 'Ran the scheduled jobs at Mon 30 Nov, 09:00: 1 message in #improvement-board, …'. */
export function summarise(outcome, data) {
  if (outcome.said) return outcome.said;
  if (data.chat !== undefined) return summariseTeams(outcome, data);
  const myDm = data.people.find((p) => p.id === data.me)?.dm;
  const parts = [];
  const seen = outcome.posted.filter((p) => !p.ephemeralFor || p.ephemeralFor === data.me);
  for (const channel of data.channels) {
    const n = seen.filter((p) => p.channel === channel.id).length;
    if (n) parts.push(`${n} ${n === 1 ? 'message' : 'messages'} in #${channel.name}`);
  }
  const toMe = seen.filter((p) => p.channel === myDm).length;
  if (toMe) parts.push(`${toMe} direct ${toMe === 1 ? 'message' : 'messages'} to you`);
  const toOthers = seen.filter((p) => p.channel.startsWith('D') && p.channel !== myDm).length;
  if (toOthers) parts.push(`${toOthers} to other people (switch who you are to read them)`);
  if (outcome.edited) parts.push(`${outcome.edited} updated`);
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: data.timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(outcome.now));
  return parts.length
    ? `Ran the ${outcome.ran} at ${when}: ${parts.join(', ')}.`
    : `Ran the ${outcome.ran} at ${when}: nothing was due.`;
}

/** The Teams view's: what arrived in the team's channels and in your chat with the bot. */
function summariseTeams(outcome, data) {
  const seen = outcome.teamsPosted ?? [];
  const parts = [];
  for (const channel of data.channels) {
    const n = seen.filter((p) => p.conversationId.split(';')[0] === channel.id).length;
    if (n) parts.push(`${n} ${n === 1 ? 'message' : 'messages'} in ${channel.name}`);
  }
  const toMe = seen.filter((p) => p.conversationId === data.chat).length;
  if (toMe) parts.push(`${toMe} in your chat with the bot`);
  const others = seen.filter(
    (p) => p.conversationId.startsWith('a:') && p.conversationId !== data.chat,
  ).length;
  if (others) parts.push(`${others} in other people’s chats (switch who you are to read them)`);
  return parts.length
    ? `Ran the ${outcome.ran}: ${parts.join(', ')}.`
    : `Ran the ${outcome.ran}: nothing was due.`;
}
