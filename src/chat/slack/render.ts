/** Neutral messages and modals (src/chat/message.ts) as Slack Block Kit. */
import { neutraliseBroadcasts, wellFormed } from '../../domain/text.js';
import type { Block, Button, Message, Modal, ModalInput, ModalValues } from '../message.js';

type KnownBlock = Record<string, unknown>;

// Defence in depth: whatever a command or service forgot, the bot never pings @channel/@here.
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text: neutraliseBroadcasts(text).slice(0, 3000) });
const plainText = (text: string, max = 150) => ({
  type: 'plain_text',
  text: text.slice(0, max),
  emoji: true,
});

function button(b: Button): KnownBlock {
  return {
    type: 'button',
    action_id: b.actionId,
    value: b.value,
    text: plainText(b.text, 75),
    ...(b.style ? { style: b.style } : {}),
  };
}

export function renderBlock(block: Block): KnownBlock {
  switch (block.type) {
    case 'header':
      return { type: 'header', text: plainText(block.text) };
    case 'section':
      return {
        type: 'section',
        text: mrkdwn(block.text),
        ...(block.fields ? { fields: block.fields.slice(0, 10).map((f) => mrkdwn(f.slice(0, 2000))) } : {}),
        ...(block.button ? { accessory: button(block.button) } : {}),
      };
    case 'context':
      return { type: 'context', elements: [mrkdwn(block.text)] };
    case 'divider':
      return { type: 'divider' };
    case 'actions':
      return {
        type: 'actions',
        ...(block.blockId ? { block_id: block.blockId } : {}),
        elements: block.buttons.slice(0, 25).map(button),
      };
  }
}

/** Arguments for chat.postMessage / chat.update / respond(). */
export function renderMessage(message: Message): { text: string; blocks?: KnownBlock[] } {
  // A message's text may be up to 40,000 characters; only a section's text stops at 3,000, which
  // is why long replies (help, lists) come as several sections.
  return {
    text: neutraliseBroadcasts(message.text).slice(0, 40_000),
    ...(message.blocks ? { blocks: message.blocks.map(renderBlock) } : {}),
  };
}

function element(input: ModalInput): KnownBlock {
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
  }
}

export function renderModal(modal: Modal): KnownBlock {
  const intro: KnownBlock[] = modal.intro ? [{ type: 'section', text: mrkdwn(modal.intro) }] : [];
  return {
    type: 'modal',
    callback_id: modal.callbackId,
    private_metadata: modal.privateMetadata,
    title: plainText(modal.title, 24),
    submit: plainText(modal.submitLabel, 24),
    close: plainText('Cancel', 24),
    blocks: [
      ...intro,
      ...modal.inputs.map((input) => ({
        type: 'input',
        block_id: input.id,
        optional: input.optional ?? false,
        label: plainText(input.label, 2000),
        element: element(input),
        ...('hint' in input && input.hint ? { hint: plainText(input.hint) } : {}),
      })),
    ],
  };
}

type ViewState = { values: Record<string, Record<string, Record<string, unknown>>> };

/** The submitted value of every input, by input id (block id). */
export function readModalValues(state: ViewState): ModalValues {
  const values: ModalValues = {};
  for (const [blockId, actions] of Object.entries(state.values)) {
    for (const v of Object.values(actions)) {
      const selected = v.selected_option as { value?: string } | null | undefined;
      const value = v.value ?? selected?.value ?? v.selected_user ?? v.selected_date ?? undefined;
      // As command text is: a NUL is dropped (PostgreSQL refuses it in text; SQLite stored it).
      values[blockId] = typeof value === 'string' ? wellFormed(value) : undefined;
    }
  }
  return values;
}
