/**
 * `/improve settings` (admins): a form of the programme's settings; or one setting at a time,
 * `settings digest-day Monday`, `settings board-channel #improvement-board`. The form and the
 * text forms read values with the same rules (src/domain/programme-settings.ts).
 */
import { z } from 'zod';
import type { Modal, ModalInput } from '../src/chat/message.js';
import { AppError } from '../src/domain/errors.js';
import {
  countdownList,
  readSetting,
  SETTING_LABELS,
  SETTING_WORDS,
  type SettingKey,
  showSetting,
  WEEKDAYS,
} from '../src/domain/programme-settings.js';
import {
  changeSettings,
  type SettingChange,
  settingsForEditing,
} from '../src/services/plan/change-settings.js';
import { ephemeral } from './replies.js';
import type { CommandContext, ModalHandler, Subcommand } from './types.js';

export const SETTINGS_MODAL = 'settings_modal';
const FORM_KEYS = [
  'digestDay',
  'digestTime',
  'reminderTime',
  'silenceDays',
  'countdownDays',
  'digestExceptionsOnly',
  'evidenceOnDone',
  'evidenceForVerify',
  'extensionApproval',
  'boardChannelId',
] as const;
const WORDS = Object.keys(SETTING_WORDS).join(', ');

const input = z.object({
  key: z.enum(Object.values(SETTING_WORDS) as [SettingKey, ...SettingKey[]]),
  value: z.string(),
});

export const settings: Subcommand<z.infer<typeof input>> = {
  name: 'settings',
  aliases: ['setting'],
  usage:
    'settings [digest-day|digest-time|reminder-time|silence-days|countdown-days|board-channel|exceptions-only|evidence-on-done|evidence-for-verify|extension-approval <value>]',
  summary:
    'Opens a form of the programme’s settings, or changes one: digest day and time, reminder time, silence threshold, countdown days, board channel, an exceptions-only digest, whether done and verify need evidence, whether new due dates need the lead’s approval (admins).',
  examples: [
    'settings',
    'settings digest-day Tuesday',
    'settings digest-time 08:30',
    'settings reminder-time 10:00',
    'settings silence-days 14',
    'settings countdown-days 28, 14, 7, 1',
    'settings board-channel #improvement-board',
    'settings exceptions-only on',
    'settings evidence-on-done on',
    'settings evidence-for-verify off',
    'settings extension-approval on',
  ],
  parse(args) {
    const word = args.word(`which setting: ${WORDS}`).toLowerCase();
    const key = SETTING_WORDS[word];
    if (!key)
      throw new AppError('bad_input', `I don't know the setting “${word}”. The settings are ${WORDS}.`);
    if (key === 'boardChannelId') {
      const channel = args.optionalChannel();
      if (!channel || !args.done)
        throw new AppError('bad_input', 'Name the board channel as a #channel, such as #improvement-board.');
      return { key, value: channel };
    }
    const value = args.rest();
    if (!value.trim())
      throw new AppError('bad_input', `Give the new ${SETTING_LABELS[key]} after “${word}”.`);
    return { key, value };
  },
  schema: input,
  modal: (ctx) => settingsModal(ctx),
  async run({ key, value }, ctx) {
    return ephemeral(changed(await changeSettings({ [key]: value }, ctx.deps, ctx.actor), ctx));
  },
};

async function settingsModal(ctx: CommandContext): Promise<Modal> {
  const programme = await settingsForEditing(ctx.deps, ctx.actor);
  return {
    callbackId: SETTINGS_MODAL,
    title: 'Programme settings',
    submitLabel: 'Save',
    privateMetadata: JSON.stringify({ channelId: ctx.channelId }),
    intro: `Times are in ${programme.timezone}, from 07:00 to 19:00. The board channel is ${programme.boardChannelId ? `<channel:${programme.boardChannelId}>` : 'not set'}.`,
    inputs: [
      {
        id: 'digestDay',
        label: 'Weekly digest day',
        kind: 'select',
        options: WEEKDAYS.map((label, i) => ({ value: String(i + 1), label })),
        initial: String(programme.digestDay),
      },
      {
        id: 'digestTime',
        label: 'Digest time',
        kind: 'text',
        initial: programme.digestTime,
        hint: 'e.g. 09:00',
      },
      {
        id: 'reminderTime',
        label: 'Reminder time',
        kind: 'text',
        initial: programme.reminderTime,
        hint: 'e.g. 09:30',
      },
      {
        id: 'silenceDays',
        label: 'Days without an update before a workstream is silent',
        kind: 'text',
        initial: String(programme.silenceDays),
      },
      {
        id: 'countdownDays',
        label: 'Countdown to visits and deadlines: days before',
        kind: 'text',
        initial: countdownList(programme.countdownDays),
        hint: 'e.g. 28, 14, 7, 2, 1, 0 (0 is the day itself)',
      },
      {
        id: 'digestExceptionsOnly',
        label: 'Weekly digest',
        kind: 'select',
        options: [
          { value: 'off', label: 'Full digest' },
          { value: 'on', label: 'Exceptions only (Reds, changes, silence, overdue, KPIs)' },
        ],
        initial: programme.digestExceptionsOnly ? 'on' : 'off',
      },
      {
        id: 'boardChannelId',
        label: 'Board channel (the weekly digest and board requests)',
        kind: 'channel',
        initial: programme.boardChannelId ?? undefined,
        optional: true,
      },
      onOff('evidenceOnDone', 'Marking an action done', programme.evidenceOnDone, [
        'The evidence note is optional',
        'Needs a note of the evidence',
      ]),
      onOff('evidenceForVerify', 'Verifying an action', programme.evidenceForVerify, [
        'A lead may verify without evidence',
        'Needs the evidence note first',
      ]),
      onOff('extensionApproval', 'New due dates', programme.extensionApproval, [
        'Owners move their own dates',
        'Need the workstream lead’s approval',
      ]),
    ],
  };
}

/** A switch of the form: off first, as the default of most. */
function onOff(
  id: SettingKey,
  label: string,
  on: boolean,
  [offLabel, onLabel]: [string, string],
): ModalInput {
  return {
    id,
    label,
    kind: 'select',
    options: [
      { value: 'off', label: offLabel },
      { value: 'on', label: onLabel },
    ],
    initial: on ? 'on' : 'off',
  };
}

export const settingsModalHandler: ModalHandler = {
  callbackId: SETTINGS_MODAL,
  async submit(values, _privateMetadata, ctx) {
    const errors: Record<string, string> = {};
    const given: Partial<Record<SettingKey, string>> = {};
    for (const key of FORM_KEYS) {
      const text = values[key] ?? '';
      // Leaving the channel picker empty keeps the board channel as it is.
      if (key === 'boardChannelId' && !text.trim()) continue;
      const read = readSetting(key, text);
      if (!read.ok) errors[key] = read.message;
      else given[key] = text;
    }
    if (Object.keys(errors).length > 0) return { errors };
    return ephemeral(changed(await changeSettings(given, ctx.deps, ctx.actor), ctx));
  },
};

function changed(changes: SettingChange[], ctx: CommandContext): string {
  if (changes.length === 0) return 'Nothing changed: the settings were already those.';
  const lines = changes.map(
    (c) => `• *${SETTING_LABELS[c.key]}*: ${showSetting(c.key, c.before)} → ${showSetting(c.key, c.after)}`,
  );
  return `<icon:done> Settings saved, in force from the scheduler's next minute:\n${lines.join('\n')}\nSee them all with \`${ctx.command} settings\`.`;
}
