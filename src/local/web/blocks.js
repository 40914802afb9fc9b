/**
 * Block Kit as the page shows it: header, section (text, fields, accessory button), context,
 * divider, actions with buttons, image (its alt text: nothing is fetched from the internet)
 * and, in modals, input blocks (see modal.js). Unknown blocks say so instead of vanishing.
 */
import { h } from './dom.js';
import { mrkdwn, plainText } from './mrkdwn.js';

/** A text object (mrkdwn or plain_text) as an element. */
export function textObject(object, ctx, tag = 'div', className = '') {
  if (!object) return null;
  const html = object.type === 'mrkdwn' ? mrkdwn(object.text, ctx) : plainText(object.text);
  return h(tag, { class: `${className} ${object.type === 'mrkdwn' ? 'mrkdwn' : 'plain'}`.trim(), html });
}

/**
 * Renders message blocks. `onAction({ blockId, actionId, value, text }, button)` is called when a
 * button is pressed.
 */
export function renderBlocks(blocks, ctx, onAction) {
  return h(
    'div',
    { class: 'blocks' },
    blocks.map((block, index) => renderBlock(block, index, ctx, onAction)),
  );
}

function renderBlock(block, index, ctx, onAction) {
  const blockId = block.block_id ?? `b${index}`;
  switch (block.type) {
    case 'header':
      return textObject(block.text, ctx, 'h3', 'bk-header');
    case 'section':
      return section(block, blockId, ctx, onAction);
    case 'context':
      return h(
        'div',
        { class: 'bk-context' },
        (block.elements ?? []).map((e) => contextElement(e, ctx)),
      );
    case 'divider':
      return h('hr', { class: 'bk-divider' });
    case 'actions':
      return h(
        'div',
        { class: 'bk-actions' },
        (block.elements ?? []).map((e) => element(e, blockId, onAction)),
      );
    case 'image':
      return h('div', { class: 'bk-image' }, `[image: ${block.alt_text ?? 'no description'}]`);
    case 'rich_text':
      return h('div', { class: 'mrkdwn' }, richText(block));
    default:
      return h('div', { class: 'bk-unknown' }, `[${block.type} block: not shown in local mode]`);
  }
}

function section(block, blockId, ctx, onAction) {
  const body = h(
    'div',
    { class: 'bk-section-body' },
    textObject(block.text, ctx),
    block.fields
      ? h(
          'div',
          { class: 'bk-fields' },
          block.fields.map((f) => textObject(f, ctx, 'div', 'bk-field')),
        )
      : null,
  );
  const accessory = block.accessory ? element(block.accessory, blockId, onAction) : null;
  return h(
    'div',
    { class: 'bk-section' },
    body,
    accessory ? h('div', { class: 'bk-accessory' }, accessory) : null,
  );
}

function contextElement(e, ctx) {
  if (e.type === 'image') return h('span', { class: 'bk-context-image' }, e.alt_text ?? '');
  return textObject(e, ctx, 'span');
}

/** An interactive element; buttons work, others are shown for what they are. */
function element(e, blockId, onAction) {
  if (e.type === 'button') {
    const text = e.text?.text ?? '';
    const button = h('button', {
      type: 'button',
      class: `bk-button ${e.style ?? ''}`.trim(),
      dataset: { actionId: e.action_id ?? '' },
      onclick: () => onAction({ blockId, actionId: e.action_id, value: e.value, text }, button),
    });
    button.innerHTML = plainText(text);
    return button;
  }
  if (e.type === 'image') return h('span', { class: 'bk-context-image' }, e.alt_text ?? '');
  return h('span', { class: 'bk-unknown' }, `[${e.type}]`);
}

function richText(block) {
  const texts = [];
  const walk = (node) => {
    if (typeof node?.text === 'string') texts.push(node.text);
    for (const child of node?.elements ?? []) walk(child);
  };
  walk(block);
  return texts.join('');
}
