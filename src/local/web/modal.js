/**
 * A modal the app opened (views.open): its blocks, its inputs (plain text, multi-line, static
 * select, users select, datepicker), Cancel and Submit. Submit sends Slack's view.state.values;
 * errors the app returns (response_action 'errors') appear under the inputs, text kept.
 */
import { renderBlocks, textObject } from './blocks.js';
import { h } from './dom.js';
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
  const body = h('div', { class: 'modal-body' }, (view.blocks ?? []).map((block) => {
    if (block.type !== 'input') return renderBlocks([block], ctx, () => undefined);
    const input = inputBlock(block, ctx);
    inputs.push(input);
    return input.element;
  }));
  const submit = h('button', { type: 'submit', class: 'bk-button primary' }, view.submit?.text ?? 'Submit');
  const close = () => handlers.onClose(modal.id);
  const form = h('form', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'modal-title', novalidate: true },
    h('header', { class: 'modal-header' },
      h('h2', { id: 'modal-title', html: plainText(view.title?.text ?? '') }),
      h('button', { type: 'button', class: 'modal-x', 'aria-label': 'Close', onclick: close }, '×')),
    body,
    h('footer', { class: 'modal-footer' },
      h('button', { type: 'button', class: 'bk-button', onclick: close }, view.close?.text ?? 'Cancel'),
      submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const input of inputs) input.showError(input.empty() && !input.optional ? REQUIRED : '');
    if (inputs.some((input) => input.empty() && !input.optional)) return;
    submit.disabled = true;
    const values = Object.fromEntries(inputs.map((input) => [input.blockId, input.state()]));
    const result = await handlers.onSubmit(modal.id, values).finally(() => { submit.disabled = false; });
    for (const input of inputs) input.showError(result?.errors?.[input.blockId] ?? '');
  });
  root.append(h('div', { class: 'modal-backdrop' }, form));
  form.querySelector('input, textarea, select')?.focus();
}

function inputBlock(block, ctx) {
  const e = block.element ?? {};
  const id = `field-${block.block_id}`;
  const control = controlFor(e, id, ctx);
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  const label = h('label', { for: id, class: 'field-label' }, block.label?.text ?? '', block.optional ? h('span', { class: 'optional' }, ' (optional)') : null);
  const element = h('div', { class: 'field' }, label, control, textObject(block.hint, ctx, 'p', 'field-hint'), error);
  const value = () => control.value.trim();
  return {
    blockId: block.block_id,
    optional: Boolean(block.optional),
    element,
    empty: () => value() === '',
    state: () => ({ [e.action_id]: stateValue(e, control, ctx) }),
    showError(message) {
      error.textContent = message;
      control.setAttribute('aria-invalid', message ? 'true' : 'false');
    },
  };
}

function controlFor(e, id, ctx) {
  const placeholder = e.placeholder?.text;
  switch (e.type) {
    case 'plain_text_input': {
      const attrs = { id, name: id, placeholder, maxlength: e.max_length };
      const control = e.multiline ? h('textarea', { ...attrs, rows: 4 }) : h('input', { ...attrs, type: 'text' });
      control.value = e.initial_value ?? '';
      return control;
    }
    case 'static_select': {
      const groups = e.option_groups ?? [{ options: e.options ?? [] }];
      const options = groups.flatMap((g) => g.options);
      return select(id, placeholder ?? 'Choose an option', options.map((o) => [o.value, o.text?.text ?? o.value]), e.initial_option?.value);
    }
    case 'users_select':
      return select(id, placeholder ?? 'Choose a person', ctx.roster.map((p) => [p.id, p.realName]), e.initial_user);
    case 'datepicker': {
      const control = h('input', { id, name: id, type: 'date' });
      control.value = e.initial_date ?? '';
      return control;
    }
    default:
      return h('input', { id, name: id, type: 'text', disabled: true, value: `[${e.type}: not available in local mode]` });
  }
}

function select(id, placeholder, options, initial) {
  const control = h('select', { id, name: id }, h('option', { value: '' }, placeholder), options.map(([value, label]) => h('option', { value }, label)));
  control.value = initial ?? '';
  return control;
}

/** One input's entry in view.state.values, shaped as Slack sends it. */
function stateValue(e, control, ctx) {
  const value = control.value.trim() === '' ? null : control.value;
  switch (e.type) {
    case 'static_select': {
      const option = (e.option_groups?.flatMap((g) => g.options) ?? e.options ?? []).find((o) => o.value === value);
      return { type: e.type, selected_option: option ? { text: option.text, value: option.value } : null };
    }
    case 'users_select':
      return { type: e.type, selected_user: ctx.roster.some((p) => p.id === value) ? value : null };
    case 'datepicker':
      return { type: e.type, selected_date: value };
    default:
      return { type: e.type, value: control.value === '' ? null : control.value };
  }
}
