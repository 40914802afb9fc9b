/**
 * The local-mode controls: run the scheduler now (the digest and reminders go out if due), or
 * move the local clock forward a day or a week and run it. The toast says where to look.
 */
import { post } from './api.js';

export function wireControls(buttons, app) {
  for (const button of buttons) {
    button.addEventListener('click', async () => {
      for (const b of buttons) b.disabled = true;
      const result = await post('/local/control', { action: button.dataset.control });
      for (const b of buttons) b.disabled = false;
      if (!result.ok) return app.toast(result.body.error ?? 'That did not work.');
      app.toast(summarise(result.body, app.data));
    });
  }
}

/** 'Ran the scheduled jobs at Mon 30 Nov, 09:00: 1 message in #improvement-board, …'. */
export function summarise(outcome, data) {
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
    ? `Ran the scheduled jobs at ${when}: ${parts.join(', ')}.`
    : `Ran the scheduled jobs at ${when}: nothing was due.`;
}
