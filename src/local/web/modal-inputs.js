/**
 * Modal inputs as Slack draws them (plain text, multi-line, static select, users select,
 * datepicker), each able to report its entry in view.state.values exactly as Slack sends it.
 */
import { textObject } from './blocks.js';
import { h } from './dom.js';

/** One input block: its label, control, hint and error line, and how to read its state. */
export function inputBlock(block, ctx) {
  const e = block.element ?? {};
  const id = `field-${block.block_id}`;
  const control = controlFor(e, id, ctx);
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  const label = h(
    'label',
    { for: id, class: 'field-label' },
    block.label?.text ?? '',
    block.optional ? h('span', { class: 'optional' }, ' (optional)') : null,
  );
  const element = h(
    'div',
    { class: 'field' },
    label,
    control,
    textObject(block.hint, ctx, 'p', 'field-hint'),
    error,
  );
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
      const control = e.multiline
        ? h('textarea', { ...attrs, rows: 4 })
        : h('input', { ...attrs, type: 'text' });
      control.value = e.initial_value ?? '';
      return control;
    }
    case 'static_select': {
      const groups = e.option_groups ?? [{ options: e.options ?? [] }];
      const options = groups.flatMap((g) => g.options);
      return select(
        id,
        placeholder ?? 'Choose an option',
        options.map((o) => [o.value, o.text?.text ?? o.value]),
        e.initial_option?.value,
      );
    }
    case 'users_select':
      return select(
        id,
        placeholder ?? 'Choose a person',
        ctx.roster.map((p) => [p.id, p.realName]),
        e.initial_user,
      );
    case 'datepicker': {
      const control = h('input', { id, name: id, type: 'date' });
      control.value = e.initial_date ?? '';
      return control;
    }
    default:
      return h('input', {
        id,
        name: id,
        type: 'text',
        disabled: true,
        value: `[${e.type}: not available in local mode]`,
      });
  }
}

function select(id, placeholder, options, initial) {
  const control = h(
    'select',
    { id, name: id },
    h('option', { value: '' }, placeholder),
    options.map(([value, label]) => h('option', { value }, label)),
  );
  control.value = initial ?? '';
  return control;
}

/** One input's entry in view.state.values, shaped as Slack sends it. */
function stateValue(e, control, ctx) {
  const value = control.value.trim() === '' ? null : control.value;
  switch (e.type) {
    case 'static_select': {
      const option = (e.option_groups?.flatMap((g) => g.options) ?? e.options ?? []).find(
        (o) => o.value === value,
      );
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
