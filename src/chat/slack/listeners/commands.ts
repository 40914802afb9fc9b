/** The one slash command. It acks at once; the work and the reply happen after the ack. */
import type { App } from '@slack/bolt';
import { runCommand } from '../../../../commands/index.js';
import { apology } from '../../../../commands/replies.js';
import type { Deps } from '../../../services/deps.js';
import { commandContext } from '../context.js';
import { deliver } from '../deliver.js';
import type { MetadataSeal } from '../metadata-seal.js';
import { slackChat } from '../slack-chat.js';
import { actingWorkspace, NO_WORKSPACE_REPLY } from '../workspace.js';

export function registerCommands(app: App, deps: Deps, command: string, seal: MetadataSeal): void {
  app.command(command, async ({ command: body, ack, respond, client }) => {
    await ack();
    const teamId = actingWorkspace(body);
    if (!teamId) {
      await respond({ response_type: 'ephemeral', text: NO_WORKSPACE_REPLY }).catch(() => undefined);
      return;
    }
    const facts = {
      teamId,
      userId: body.user_id,
      userName: body.user_name,
      channelId: body.channel_id,
      // Without a trigger id there is nothing to tell a retry from a second command by.
      requestKey: body.trigger_id ? `command:${body.trigger_id}` : undefined,
    };
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
      const reply = await runCommand(
        body.text ?? '',
        await commandContext(deps, command, facts, slackChat(client)),
      );
      await deliver(reply, target);
    } catch (error) {
      deps.logger.error({ err: error }, 'could not answer a command');
      await deliver(apology(`${command} ${body.text ?? ''}`), target).catch(() => undefined);
    }
  });
}
