/**
 * Neutral messages and modals (src/chat/message.ts) as Slack Block Kit, typed with Slack's own
 * Block Kit types (@slack/types, as Bolt re-exports them), so a malformed block fails to compile.
 */
import type { types } from '@slack/bolt';
import { escapeText } from '../../domain/text.js';
import type { Block, Button, Message, Modal, ModalInput } from '../message.js';
import { SLACK_LIMITS, splitMrkdwn } from './limits.js';
import { neutraliseBroadcasts, toMrkdwn, toSlackPlain } from './mrkdwn.js';

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;

// The neutral markup as mrkdwn and, as defence in depth, whatever a command or service forgot,
// the bot never pings @channel/@here. Limits are applied after this, to the text Slack receives
// (limits.ts).
const slackText = (text: string): string => neutraliseBroadcasts(toMrkdwn(text));
const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text });
const plainText = (text: string, max = 150): types.PlainTextElement => ({
  type: 'plain_text',
  text: toSlackPlain(text).slice(0, max),
  emoji: true,
});

function renderButton(b: Button): types.Button {
  return {
    type: 'button',
    action_id: b.actionId,
    value: b.value,
    text: plainText(b.text, 75),
    ...(b.style ? { style: b.style } : {}),
  };
}

/** Section text over Slack's limit becomes several sections; the button stays on the first. */
function sections(text: string, button?: Button): SectionBlock[] {
  return splitSlack(slackText(text), button);
}

/** Text already in mrkdwn as sections. */
function splitSlack(text: string, button?: Button): SectionBlock[] {
  return splitMrkdwn(text).map((piece, i) => ({
    type: 'section' as const,
    text: mrkdwn(piece),
    ...(button && i === 0 ? { accessory: renderButton(button) } : {}),
  }));
}

/** Fields that fit sit side by side; otherwise they follow the text as sections of their own. */
function sectionWithFields(block: Extract<Block, { type: 'section' }>): KnownBlock[] {
  const fields = (block.fields ?? []).map(slackText);
  const fit = fields.length <= SLACK_LIMITS.fields && fields.every((f) => f.length <= SLACK_LIMITS.field);
  const [first, ...rest] = sections(block.text, block.button);
  if (fit) return [{ ...first!, fields: fields.map(mrkdwn) }, ...rest];
  return [first!, ...rest, ...fields.flatMap((field) => splitSlack(field))];
}

/** Context text split into elements, ten to a context block. */
function context(text: string): types.ContextBlock[] {
  const elements = splitMrkdwn(slackText(text)).map(mrkdwn);
  const blocks: types.ContextBlock[] = [];
  for (let i = 0; i < elements.length; i += SLACK_LIMITS.contextElements)
    blocks.push({ type: 'context', elements: elements.slice(i, i + SLACK_LIMITS.contextElements) });
  return blocks;
}

/** A header too long for Slack's header block is shown whole, in bold, as a section. */
function header(text: string): KnownBlock[] {
  const plain = toSlackPlain(text);
  if (plain.length <= SLACK_LIMITS.header) return [{ type: 'header', text: plainText(plain) }];
  return splitSlack(neutraliseBroadcasts(`*${escapeText(plain)}*`));
}

/** One neutral block as the Slack blocks that carry all of it (more than one when it is long). */
export function renderBlock(block: Block): KnownBlock[] {
  switch (block.type) {
    case 'header':
      return header(block.text);
    case 'section':
      return block.fields ? sectionWithFields(block) : sections(block.text, block.button);
    case 'context':
      return context(block.text);
    case 'divider':
      return [{ type: 'divider' }];
    case 'actions':
      return [
        {
          type: 'actions',
          ...(block.blockId ? { block_id: block.blockId } : {}),
          elements: block.buttons.slice(0, 25).map(renderButton),
        },
      ];
  }
}

/** The App Home tab showing `message`. */
export function renderHome(message: Message): types.HomeView {
  return { type: 'home', blocks: renderMessage(message).blocks ?? [] };
}

/** Arguments for chat.postMessage / chat.update / respond(). */
export function renderMessage(message: Message): { text: string; blocks?: KnownBlock[] } {
  // A message's text may be up to 40,000 characters; a section's stops at 3,000, so long
  // sections are split here, where Slack's limits are known.
  return {
    text: slackText(message.text).slice(0, 40_000),
    ...(message.blocks ? { blocks: message.blocks.flatMap(renderBlock) } : {}),
  };
}

/**
 * The rendered message for a Web API call (chat.postMessage, chat.update, chat.postEphemeral),
 * its blocks already JSON, as the Web API's form body carries them anyway: the WebClient then
 * sends the same bytes, but no longer walks every block for its debug log (it redacts and
 * stringifies each request body even when that log is off). That walk was a large share of a
 * reminder sweep's CPU, and 0.8 ms of an update's. Not for response_url, whose body is JSON.
 */
export function renderForWebApi(message: Message): { text: string; blocks?: KnownBlock[] } {
  const { text, blocks } = renderMessage(message);
  return blocks ? { text, blocks: JSON.stringify(blocks) as unknown as KnownBlock[] } : { text };
}

function element(input: ModalInput): types.InputBlockElement {
  const id = { action_id: input.id };
  switch (input.kind) {
    case 'text':
    case 'multiline':
      return {
        type: 'plain_text_input',
        ...id,
        multiline: input.kind === 'multiline',
        ...(input.initial ? { initial_value: input.initial } : {}),
        ...(input.maxLength ? { max_length: input.maxLength } : {}),
      };
    case 'select': {
      const options = input.options
        .slice(0, 100)
        .map((o) => ({ text: plainText(o.label, 75), value: o.value }));
      const initial = options.find((o) => o.value === input.initial);
      return { type: 'static_select', ...id, options, ...(initial ? { initial_option: initial } : {}) };
    }
    case 'user':
      return { type: 'users_select', ...id, ...(input.initial ? { initial_user: input.initial } : {}) };
    case 'date':
      return { type: 'datepicker', ...id, ...(input.initial ? { initial_date: input.initial } : {}) };
    case 'channel':
      return {
        type: 'conversations_select',
        ...id,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(input.initial ? { initial_conversation: input.initial } : {}),
      };
  }
}

export function renderModal(modal: Modal): types.ModalView {
  const intro: KnownBlock[] = modal.intro ? sections(modal.intro) : [];
  return {
    type: 'modal',
    callback_id: modal.callbackId,
    private_metadata: modal.privateMetadata,
    title: plainText(modal.title, 24),
    submit: plainText(modal.submitLabel, 24),
    close: plainText('Cancel', 24),
    blocks: [
      ...intro,
      ...modal.inputs.map(
        (input): types.InputBlock => ({
          type: 'input',
          block_id: input.id,
          optional: input.optional ?? false,
          label: plainText(input.label, 2000),
          element: element(input),
          ...('hint' in input && input.hint ? { hint: plainText(input.hint) } : {}),
        }),
      ),
    ],
  };
}
