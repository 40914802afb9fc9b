/**
 * Scheduled work's chat for one workspace when the app is installed in several: a Slack Chat over
 * that workspace's own bot token from its installation, or undefined when it has none (never
 * installed, or removed). One Chat per token, so a reinstall's new token gets a new client. With
 * `fetch` (observedFetch), each workspace's Web API answers are counted on /metrics.
 */
import { LogLevel } from '@slack/web-api';
import type { Chat } from '../../chat.js';
import { slackChat } from '../slack-chat.js';
import { slackWebClient } from '../web-client.js';
import type { SlackInstallationStore } from './installation-store.js';

export function slackWorkspaceChats(
  store: Pick<SlackInstallationStore, 'botToken'>,
  apiUrl?: string,
  fetch?: typeof globalThis.fetch,
): (workspaceId: string) => Promise<Chat | undefined> {
  const byToken = new Map<string, Chat>();
  return async (workspaceId) => {
    const token = await store.botToken(workspaceId);
    if (!token) return undefined;
    let chat = byToken.get(token);
    if (!chat) {
      chat = slackChat(slackWebClient(token, apiUrl, LogLevel.WARN, fetch));
      byToken.set(token, chat);
    }
    return chat;
  };
}
