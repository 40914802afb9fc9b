import { randomBytes } from 'node:crypto';
import {
  type Actor,
  DEFAULT_APP_ID,
  newTriggerId,
  TEAM_DOMAIN,
  userOf,
  VERIFICATION_TOKEN,
} from './payloads.js';

/** Options for submitting a modal. */
export interface ViewSubmissionOptions extends Actor {
  callbackId: string;
  privateMetadata?: string;
  /** Slack's `view.state.values`: `{ [blockId]: { [actionId]: { type, value, ... } } }`. */
  values: Record<string, Record<string, Record<string, unknown>>>;
  viewId?: string;
  triggerId?: string;
  /**
   * The view as the app opened it (blocks, title, hash...). Slack sends the whole view back;
   * without it the payload carries no blocks and a made-up hash.
   */
  view?: Record<string, unknown>;
}

/** A `view_submission` interaction payload. */
export function viewSubmissionPayload(options: ViewSubmissionOptions): Record<string, unknown> {
  const viewId = options.viewId ?? 'V0000000001';
  return {
    type: 'view_submission',
    team: { id: options.teamId, domain: TEAM_DOMAIN },
    user: userOf(options),
    api_app_id: options.apiAppId ?? DEFAULT_APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: options.triggerId ?? newTriggerId(),
    view: {
      id: viewId,
      team_id: options.teamId,
      type: 'modal',
      blocks: [],
      title: { type: 'plain_text', text: 'Modal' },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: null,
      previous_view_id: null,
      root_view_id: viewId,
      app_id: options.apiAppId ?? DEFAULT_APP_ID,
      external_id: '',
      app_installed_team_id: options.teamId,
      bot_id: 'B0BOT00001',
      hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      ...options.view,
      // What the user did wins over whatever the stored view held.
      private_metadata: options.privateMetadata ?? '',
      callback_id: options.callbackId,
      state: { values: options.values },
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** Options for an Events API callback. */
export interface EventCallbackOptions {
  teamId: string;
  /** The inner event, e.g. `{ type: 'app_home_opened', user, channel, tab: 'home' }`. */
  event: Record<string, unknown> & { type: string };
  apiAppId?: string;
  botUserId?: string;
}

/** An Events API `event_callback` envelope around `event`. */
export function eventCallbackPayload(options: EventCallbackOptions): Record<string, unknown> {
  const eventTime = Math.floor(Date.now() / 1000);
  return {
    token: VERIFICATION_TOKEN,
    team_id: options.teamId,
    api_app_id: options.apiAppId ?? DEFAULT_APP_ID,
    event: { event_ts: (Date.now() / 1000).toFixed(6), ...options.event },
    type: 'event_callback',
    event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: eventTime,
    authorizations: [
      {
        enterprise_id: null,
        team_id: options.teamId,
        user_id: options.botUserId ?? 'U0BOT00001',
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}
