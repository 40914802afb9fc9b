/**
 * The App Home tab on the page, as Slack does it: opening the tab sends a signed
 * `app_home_opened` event, and the app publishes the person's view (views.publish) to the
 * stand-in; a button on it sends `block_actions` from a view container, with no channel and no
 * message, and the app answers by publishing the view again.
 */
import { sendBlockAction, sendEvent } from '../slack-requests.js';
import { type PageContext, PageError, personOf } from './context.js';

type Body = Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export async function openHome(ctx: PageContext, body: Body): Promise<void> {
  const person = personOf(ctx, body.userId);
  const response = await sendEvent(ctx.appUrl(), {
    signingSecret: ctx.signingSecret,
    teamId: ctx.slack.teamId,
    botUserId: ctx.slack.bot.userId,
    event: {
      type: 'app_home_opened',
      user: person.id,
      channel: ctx.slack.dmChannelFor(person.id),
      tab: 'home',
    },
  });
  if (response.status !== 200)
    throw new PageError(`The app did not take the Home tab's opening (HTTP ${response.status}).`, 502);
}

export async function pressOnHome(ctx: PageContext, body: Body): Promise<void> {
  const person = personOf(ctx, body.userId);
  const view = ctx.slack.homeView(person.id);
  if (!view) throw new PageError('Your Home tab is not open any more: open it again.', 404);
  const dm = ctx.slack.dmChannelFor(person.id);
  const response = await sendBlockAction(ctx.appUrl(), {
    signingSecret: ctx.signingSecret,
    teamId: ctx.slack.teamId,
    userId: person.id,
    userName: person.name,
    actionId: str(body.actionId),
    blockId: str(body.blockId),
    value: typeof body.value === 'string' ? body.value : undefined,
    actionText: str(body.text),
    container: { type: 'view', view_id: view.id },
    // A reply the app sends this way is for the person alone; their DM is where the page shows it.
    responseUrl: ctx.slack.responseUrl('home', { channel: dm, user: person.id }),
    triggerId: ctx.slack.triggerId(person.id),
  });
  if (response.status !== 200)
    throw new PageError(`The app did not take the click (HTTP ${response.status}).`, 502);
}
