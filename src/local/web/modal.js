/**
 * A modal the app opened (views.open): its blocks, its inputs (plain text, multi-line, static
 * select, users select, datepicker), Cancel and Submit. Submit sends Slack's view.state.values;
 * errors the app returns (response_action 'errors') appear under the inputs, text kept.
 */
import { renderBlocks } from './blocks.js';
import { h } from './dom.js';
import { inputBlock } from './modal-inputs.js';
import { plainText } from './mrkdwn.js';

const REQUIRED = 'Please complete this required field.';

/** Shows `modal` ({ id, hash, view }) in `root` unless it is already there (keeps typed text). */
export function showModal(root, modal, ctx, handlers) {
  const key = modal ? `${modal.id}/${modal.hash}` : '';
  if (root.dataset.key === key) return;
  root.dataset.key = key;
  root.replaceChildren();
  if (!modal) return;
  const { view } = modal;
  const inputs = [];
  const body = h(
    'div',
    { class: 'modal-body' },
    (view.blocks ?? []).map((block) => {
      if (block.type !== 'input') return renderBlocks([block], ctx, () => undefined);
      const input = inputBlock(block, ctx);
      inputs.push(input);
      return input.element;
    }),
  );
  const submit = h('button', { type: 'submit', class: 'bk-button primary' }, view.submit?.text ?? 'Submit');
  const close = () => handlers.onClose(modal.id);
  const form = h(
    'form',
    {
      class: 'modal',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'modal-title',
      novalidate: true,
    },
    h(
      'header',
      { class: 'modal-header' },
      h('h2', { id: 'modal-title', html: plainText(view.title?.text ?? '') }),
      h('button', { type: 'button', class: 'modal-x', 'aria-label': 'Close', onclick: close }, '×'),
    ),
    body,
    h(
      'footer',
      { class: 'modal-footer' },
      h('button', { type: 'button', class: 'bk-button', onclick: close }, view.close?.text ?? 'Cancel'),
      submit,
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const input of inputs) input.showError(input.empty() && !input.optional ? REQUIRED : '');
    if (inputs.some((input) => input.empty() && !input.optional)) return;
    submit.disabled = true;
    const values = Object.fromEntries(inputs.map((input) => [input.blockId, input.state()]));
    const result = await handlers.onSubmit(modal.id, values).finally(() => {
      submit.disabled = false;
    });
    for (const input of inputs) input.showError(result?.errors?.[input.blockId] ?? '');
  });
  root.append(h('div', { class: 'modal-backdrop' }, form));
  form.querySelector('input, textarea, select')?.focus();
}
