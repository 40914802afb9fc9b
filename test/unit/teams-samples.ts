/** A message and a form using every block and input kind, for the Teams renderer's snapshots and PNG. */
import type { Message, Modal } from '../../src/chat/message.js';

const AAD = '9f1c2d3e-0000-4000-8000-000000000001';

export const SAMPLE_MESSAGE: Message = {
  text: 'Weekly digest: Family Help is <rag:amber> amber',
  blocks: [
    { type: 'header', text: 'Improvement board digest, week of 30 November' },
    {
      type: 'section',
      text: `<rag:amber> *Family Help* (FD) is _amber_: recruitment of social workers is behind. Lead <person:${AAD}|Sam>`,
      fields: ['*Actions open*', '4', '*Overdue*', '1 <icon:warning>'],
    },
    {
      type: 'section',
      text: '<icon:calendar> Ofsted monitoring visit on *Tuesday 8 December*',
      button: { text: 'Post status', actionId: 'status.post', value: 'FD', style: 'primary' },
    },
    { type: 'divider' },
    { type: 'context', text: '<icon:info> Posted in <channel:19:board@thread.tacv2> &amp; sent to leads' },
    {
      type: 'actions',
      blockId: 'reminder:42',
      buttons: [
        { text: '<icon:done> Done', actionId: 'reminder.done', value: '42', style: 'primary' },
        { text: 'New date', actionId: 'reminder.new_date', value: '42' },
        { text: 'Not mine', actionId: 'reminder.not_mine', value: '42', style: 'danger' },
      ],
    },
  ],
};

export const SAMPLE_FORM: Modal = {
  callbackId: 'action_add',
  title: 'Add an action',
  submitLabel: 'Add action',
  privateMetadata: '{"channelId":"19:board@thread.tacv2"}',
  intro: 'An action for *Family Help*. Its owner is reminded <icon:bell> before it is due.',
  inputs: [
    {
      id: 'title',
      label: 'What needs doing',
      kind: 'text',
      maxLength: 200,
      hint: 'e.g. Recruit two team managers',
    },
    { id: 'detail', label: 'Detail', kind: 'multiline', optional: true },
    {
      id: 'workstream',
      label: 'Workstream',
      kind: 'select',
      options: [
        { value: 'FD', label: 'Family Help' },
        { value: 'QA', label: 'Quality assurance' },
      ],
      initial: 'FD',
    },
    { id: 'owner', label: 'Owner', kind: 'user' },
    { id: 'due', label: 'Due', kind: 'date', initial: '2026-12-18' },
  ],
};
