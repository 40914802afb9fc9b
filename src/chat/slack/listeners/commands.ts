/**
 * The one slash command. The command runs (and commits) before the ack, so once Slack has been
 * told the request arrived, its changes are stored: a process killed mid-burst used to lose
 * updates it had already acknowledged. The reply (a post, a modal) is delivered after the ack.
 */
import type { App, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { runCommand } from '../../../../commands/index.js';
import { apology, undelivered } from '../../../../commands/replies.js';
import type { Reply } from '../../../../commands/types.js';
import type { Deps } from '../../../services/deps.js';
import { requestContext } from '../context.js';
import { deliver } from '../deliver.js';
import type { MetadataSeal } from '../metadata-seal.js';
import { fromSlack } from '../mrkdwn.js';
import { slackChat } from '../slack-chat.js';
import { actingWorkspace, NO_WORKSPACE_REPLY } from '../workspace.js';

export function registerCommands(app: App, deps: Deps, command: string, seal: MetadataSeal): void {
  app.command(command, async ({ command: body, ack, respond, client }) => {
    const teamId = actingWorkspace(body);
    if (!teamId) {
      await ack();
      await respond({ response_type: 'ephemeral', text: NO_WORKSPACE_REPLY }).catch(() => undefined);
      return;
    }
    const typed = `${command} ${fromSlack(body.text ?? '')}`;
    const reply = await run(deps, command, body, teamId, client);
    await acknowledge(ack, deps);
    const target = {
      client,
      respond,
      channelId: body.channel_id,
      userId: body.user_id,
      triggerId: body.trigger_id,
      workspaceId: teamId,
      seal,
      logger: deps.logger,
    };
    try {
      await deliver(reply, target);
    } catch (error) {
      deps.logger.error({ err: error }, 'could not answer a command');
      await deliver(undelivered(typed), target).catch(() => undefined);
    }
  });
}

/** Runs (and commits) the command; a bug becomes the apology that gives the text back. */
async function run(
  deps: Deps,
  command: string,
  body: SlashCommand,
  teamId: string,
  client: WebClient,
): Promise<Reply> {
  const facts = {
    teamId,
    userId: body.user_id,
    userName: body.user_name,
    channelId: body.channel_id,
    // Without a trigger id there is nothing to tell a retry from a second command by.
    requestKey: body.trigger_id ? `command:${body.trigger_id}` : undefined,
  };
  try {
    const text = fromSlack(body.text ?? '');
    // The programmes are read only if the subcommand needs them (an update reads its own).
    return await runCommand(text, requestContext(deps, command, facts, slackChat(client)));
  } catch (error) {
    deps.logger.error({ err: error }, 'could not run a command');
    return apology(`${command} ${fromSlack(body.text ?? '')}`);
  }
}

/**
 * Past Bolt's unhandled-request timeout (a very slow database), Bolt has answered already and a
 * second answer would throw; the reply still goes by response_url.
 */
async function acknowledge(ack: () => Promise<void>, deps: Deps): Promise<void> {
  try {
    await ack();
  } catch (error) {
    deps.logger.warn({ err: error }, 'acknowledged late: Bolt had already answered Slack');
  }
}
