/** The one slash command. It acks at once; the work and the reply happen after the ack. */
import type { App } from '@slack/bolt';
import { runCommand } from '../../../../commands/index.js';
import { apology } from '../../../../commands/replies.js';
import type { Deps } from '../../../services/deps.js';
import { commandContext } from '../context.js';
import { deliver } from '../deliver.js';
import { slackChat } from '../slack-chat.js';

export function registerCommands(app: App, deps: Deps, command: string): void {
  app.command(command, async ({ command: body, ack, respond, client }) => {
    await ack();
    const facts = {
      teamId: body.team_id,
      userId: body.user_id,
      userName: body.user_name,
      channelId: body.channel_id,
      requestKey: `command:${body.trigger_id}`,
    };
    const target = {
      client,
      respond,
      channelId: body.channel_id,
      userId: body.user_id,
      triggerId: body.trigger_id,
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
