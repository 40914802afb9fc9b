/**
 * Local mode's Teams tenant, put together: the Bot Connector stand-in, the Teams settings that
 * point the real app at it (a secret made afresh each start), and the page's view of it, which
 * waits until the app has been installed in the team and in every 1:1 chat.
 */
import { randomBytes } from 'node:crypto';
import type { TeamsConfig } from '../../config/index.js';
import type { Logger } from '../../logger.js';
import type { TeamsView } from '../page/context.js';
import type { OnRequest } from '../page/on-request.js';
import { installEverywhere } from './activities.js';
import { startTeamsConnector, type TeamsConnector } from './connector.js';
import { LOCAL_TEAMS_CLIENT_ID } from './workspace.js';

export interface LocalTeams {
  connector: TeamsConnector;
  /** The app's Teams settings, pointed at the stand-in. */
  config: TeamsConfig;
  view: TeamsView;
  /** Installs the app, once it listens; the view's routes wait for this. */
  install(logger: Logger): void;
}

export async function startLocalTeams(options: {
  clock: () => Date;
  appUrl: () => string;
  onRequest: OnRequest;
}): Promise<LocalTeams> {
  const clientSecret = randomBytes(32).toString('hex');
  const connector = await startTeamsConnector({
    clientId: LOCAL_TEAMS_CLIENT_ID,
    clientSecret,
    clock: options.clock,
  });
  let installed: () => void = () => undefined;
  const view: TeamsView = {
    connector,
    appUrl: options.appUrl,
    ready: new Promise<void>((resolve) => {
      installed = resolve;
    }),
    onRequest: options.onRequest,
  };
  return {
    connector,
    config: {
      clientId: LOCAL_TEAMS_CLIENT_ID,
      clientSecret,
      openIdMetadataUrl: connector.openIdMetadataUrl,
      tokenUrl: connector.tokenUrl,
    },
    view,
    install(logger) {
      installEverywhere(view).then(installed, (error: unknown) => {
        // The view still answers: the bot replies to messages, only proactive sends may fail.
        logger.error({ err: error }, 'local mode: could not install the Teams app locally');
        installed();
      });
    },
  };
}
