/**
 * Neutral Modals as Adaptive Card forms, with the same inputs as Slack's modals: text, a choice,
 * a date and a people picker (Teams' own, searching the tenant's directory). Field errors from a
 * modal handler are shown under their field, as Slack shows them.
 */
import type { Modal, ModalInput } from '../message.js';
import { toTeamsMarkdown } from './markdown.js';
import type { AdaptiveCard, CardElement } from './render.js';

/** The form again, its inputs holding what the person typed, with the refusal under each field. */
export function refusedForm(
  modal: Modal,
  values: Record<string, string | undefined>,
  errors: Record<string, string>,
  submit: FormSubmit,
): AdaptiveCard {
  const inputs = modal.inputs.map((input) =>
    values[input.id] ? ({ ...input, initial: values[input.id] } as ModalInput) : input,
  );
  return renderForm({ ...modal, inputs }, errors, submit);
}

/** The verb a form's submit button carries; the callback id and metadata travel in its data. */
export const FORM_SUBMIT_VERB = 'form.submit';

/**
 * How the form is submitted: in a chat its button is Action.Execute (the answer replaces the form
 * in place); in a task module (a message extension's dialog) it is Action.Submit, which Teams sends
 * as the dialog's submitAction.
 */
export type FormSubmit = 'execute' | 'dialog';

/** What a form's submit button carries back besides the inputs: enough to find and re-show it. */
export interface FormData {
  callbackId: string;
  privateMetadata: string;
  /** The form itself (without its answers), so a refused submission is shown again with its errors. */
  form: Modal;
}

/** A form for a modal; `errors` (input id → message) come from a refused submission. */
export function renderForm(
  modal: Modal,
  errors: Record<string, string> = {},
  submit: FormSubmit = 'execute',
): AdaptiveCard {
  const data: FormData = {
    callbackId: modal.callbackId,
    privateMetadata: modal.privateMetadata ?? '',
    form: modal,
  };
  const intro = modal.intro ? toTeamsMarkdown(modal.intro) : undefined;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: toTeamsMarkdown(modal.title).text,
      size: 'Large',
      weight: 'Bolder',
      wrap: true,
    },
    ...(intro ? [{ type: 'TextBlock', text: intro.text, wrap: true }] : []),
    ...modal.inputs.flatMap((input) => renderInput(input, errors[input.id])),
    {
      type: 'ActionSet',
      actions: [
        submit === 'execute'
          ? {
              type: 'Action.Execute',
              title: modal.submitLabel,
              verb: FORM_SUBMIT_VERB,
              style: 'positive',
              data,
            }
          : { type: 'Action.Submit', title: modal.submitLabel, style: 'positive', data },
      ],
    },
  ];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    msteams: { width: 'Full', entities: intro?.mentions ?? [] },
  };
}

function renderInput(input: ModalInput, error: string | undefined): CardElement[] {
  const common = {
    id: input.id,
    label: input.label,
    isRequired: !input.optional,
    // Teams shows errorMessage only after its own validation fails; a server-side refusal is shown
    // as red text under the field instead, so it is visible whatever the client does.
    ...(input.optional ? {} : { errorMessage: `${input.label} is needed.` }),
  };
  const element = ((): CardElement => {
    switch (input.kind) {
      case 'text':
      case 'multiline':
        return {
          type: 'Input.Text',
          ...common,
          isMultiline: input.kind === 'multiline',
          ...(input.initial ? { value: input.initial } : {}),
          ...(input.hint ? { placeholder: input.hint } : {}),
          ...(input.maxLength ? { maxLength: input.maxLength } : {}),
        };
      case 'select':
        return {
          type: 'Input.ChoiceSet',
          ...common,
          style: 'compact',
          choices: input.options.map((o) => ({ title: o.label, value: o.value })),
          ...(input.initial ? { value: input.initial } : {}),
        };
      case 'date':
        return { type: 'Input.Date', ...common, ...(input.initial ? { value: input.initial } : {}) };
      case 'channel':
        // Teams has no channel picker in a card: the channel's id, as the text form takes it.
        return { type: 'Input.Text', ...common, ...(input.initial ? { value: input.initial } : {}) };
      case 'user':
        return {
          type: 'Input.ChoiceSet',
          ...common,
          choices: [],
          'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
          ...(input.initial ? { value: input.initial } : {}),
        };
    }
  })();
  if (!error) return [element];
  return [
    element,
    {
      type: 'TextBlock',
      text: toTeamsMarkdown(error).text,
      color: 'Attention',
      size: 'Small',
      wrap: true,
      spacing: 'None',
    },
  ];
}
