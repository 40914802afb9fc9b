/**
 * The App Home tab: when a person opens it, publish their open actions (with the reminder
 * buttons), their workstreams' RAG and the next Ofsted visit, built by services/build-home.ts.
 */
import type { App } from '@slack/bolt';
import { buildHome } from '../../../services/build-home.js';
import type { Deps } from '../../../services/deps.js';
import { renderHome } from '../render.js';
import { actingWorkspace } from '../workspace.js';

export function registerHome(app: App, deps: Deps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    // No person (a malformed event) means no Home to build: not an error worth logging.
    if (event.tab !== 'home' || !event.user) return;
    const workspaceId = actingWorkspace(body);
    if (!workspaceId) return;
    try {
      const home = await buildHome(deps, { workspaceId, userId: event.user });
      await client.views.publish({
        user_id: event.user,
        view: renderHome(home),
      });
    } catch (error) {
      deps.logger.error({ err: error }, 'could not publish the Home tab');
    }
  });
}
