/**
 * The registry of /improve subcommands and the router. Help is generated from this list, so it
 * cannot drift from what the commands accept.
 */
import { z } from 'zod';
import { AppError, isAppError } from '../src/domain/errors.js';
import { escapeMrkdwn, toSafeMrkdwn, wellFormed } from '../src/domain/text.js';
import { actionHelp } from './action.js';
import { actionAdd } from './action-add.js';
import { actionAddModalHandler } from './action-add-modal.js';
import { actionDone } from './action-done.js';
import { actionDrop } from './action-drop.js';
import { actionExtend } from './action-extend.js';
import { actionList } from './action-list.js';
import { actionReassign } from './action-reassign.js';
import { actionVerify } from './action-verify.js';
import { Args } from './args.js';
import { digestPreview } from './digest-preview.js';
import { digestSend } from './digest-send.js';
import { kpiAdd } from './kpi-add.js';
import { kpiList } from './kpi-list.js';
import { kpiRecord } from './kpi-record.js';
import { reassignButton, silenceButton, silenceModal } from './notice-buttons.js';
import { projectAdd } from './project-add.js';
import { rag, ragModalHandler } from './rag.js';
import { addUpdateButton, doneButton, newDateButton, notMineButton } from './reminder-buttons.js';
import { addUpdateModal, newDateModal, notMineModal } from './reminder-modals.js';
import { reminders } from './reminders.js';
import { apology, ephemeral, refusal } from './replies.js';
import { settingsCaseReference } from './settings-case-reference.js';
import { setup } from './setup.js';
import { snooze } from './snooze.js';
import { postStatusButton, status } from './status.js';
import { tokenize, unescapeSlack } from './tokenize.js';
import type {
  AnySubcommand,
  ButtonHandler,
  CommandContext,
  ModalHandler,
  Reply,
  Subcommand,
} from './types.js';
import { update, updateModalHandler } from './update.js';
import { updateEdit, updateUndo } from './update-edit.js';
import { visitAdd } from './visit-add.js';
import { visitCancel } from './visit-cancel.js';
import { visitList } from './visit-list.js';
import { workstreamAdd } from './workstream-add.js';
import { workstreamList } from './workstream-list.js';

const help: Subcommand<{ topic?: string }> = {
  name: 'help',
  usage: 'help [subcommand]',
  summary: 'Lists the subcommands, or explains one.',
  examples: ['help', 'help update'],
  parse: (args) => ({ topic: args.done ? undefined : args.rest() }),
  schema: z.object({ topic: z.string().optional() }),
  run: async ({ topic }, ctx) => ephemeral(topic ? helpFor(topic, ctx.command) : overview(ctx.command)),
};

/** Every subcommand, in the order help lists them. */
export const SUBCOMMANDS: AnySubcommand[] = [
  update,
  updateEdit,
  updateUndo,
  rag,
  actionAdd,
  actionDone,
  actionVerify,
  actionExtend,
  actionReassign,
  actionDrop,
  actionList,
  actionHelp,
  visitAdd,
  visitList,
  visitCancel,
  kpiAdd,
  kpiRecord,
  kpiList,
  workstreamAdd,
  workstreamList,
  projectAdd,
  status,
  digestPreview,
  digestSend,
  snooze,
  reminders,
  settingsCaseReference,
  setup,
  help,
];

/** Modal submissions, by callback id. */
export const MODAL_HANDLERS: ModalHandler[] = [
  updateModalHandler,
  ragModalHandler,
  actionAddModalHandler,
  newDateModal,
  addUpdateModal,
  notMineModal,
  silenceModal,
];

/** Button presses, by action id. */
export const BUTTON_HANDLERS: ButtonHandler[] = [
  postStatusButton,
  doneButton,
  newDateButton,
  addUpdateButton,
  notMineButton,
  reassignButton,
  silenceButton,
];

/** The subcommand the words start with: two-word names ('action add') before one-word ones. */
export function findSubcommand(words: string[]): { sub: AnySubcommand; used: number } | null {
  const lower = words.map((w) => w.toLowerCase());
  for (const used of [2, 1]) {
    const phrase = lower.slice(0, used).join(' ');
    if (lower.length < used) continue;
    const sub = SUBCOMMANDS.find((s) => s.name === phrase || s.aliases?.includes(phrase));
    if (sub) return { sub, used };
  }
  return null;
}

/** Parses, validates and runs one command; never throws: every failure becomes a reply. */
export async function runCommand(text: string, ctx: CommandContext): Promise<Reply> {
  const raw = wellFormed(unescapeSlack(text)).trim();
  const typed = `${ctx.command} ${text}`.trim();
  const tokens = tokenize(raw);
  if (tokens.length === 0) return ephemeral(overview(ctx.command));
  const found = findSubcommand(tokens.map((t) => t.text));
  if (!found) return refusal(unknownSubcommand(tokens[0]!.text, ctx.command), { typed });
  const { sub, used } = found;
  const usage = `${ctx.command} ${sub.usage}`;
  try {
    if (tokens.length === used && sub.modal) return { kind: 'modal', modal: await sub.modal(ctx) };
    const input = sub.schema.safeParse(sub.parse(new Args(raw, tokens.slice(used)), ctx));
    if (!input.success)
      throw new AppError('bad_input', input.error.issues.map((i) => i.message).join(' '), {
        example: example(sub, ctx),
      });
    return await sub.run(input.data, ctx);
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === 'duplicate_request') return { kind: 'none' };
      return refusal(
        error.example ? error : new AppError(error.code, error.message, { example: example(sub, ctx) }),
        { usage, typed },
      );
    }
    ctx.deps.logger.error({ err: error, subcommand: sub.name }, 'command failed');
    return apology(typed);
  }
}

function example(sub: AnySubcommand, ctx: CommandContext): string | undefined {
  return sub.examples[0] ? `${ctx.command} ${sub.examples[0]}` : undefined;
}

function unknownSubcommand(word: string, command: string): AppError {
  const names = SUBCOMMANDS.map((s) => s.name.split(' ')[0]!);
  const guess = names.find((n) => n.startsWith(word.toLowerCase().slice(0, 2)));
  return new AppError(
    'bad_input',
    `I don't know the subcommand “${word}”. Try \`${command} help\` to see them all.`,
    guess ? { example: `${command} ${guess}` } : {},
  );
}

export function overview(command: string): string {
  const lines = SUBCOMMANDS.map((s) => `• \`${command} ${escapeMrkdwn(s.usage)}\`: ${s.summary}`);
  return `*${command}*: your improvement plan from Slack.\n${lines.join('\n')}\nType \`${command} help <subcommand>\` for examples.`;
}

export function helpFor(topic: string, command: string): string {
  const found = findSubcommand(topic.toLowerCase().split(/\s+/));
  if (!found) return `There is no subcommand “${toSafeMrkdwn(topic)}”.\n\n${overview(command)}`;
  const { sub } = found;
  const examples = sub.examples.map((e) => `• \`${command} ${e}\``).join('\n');
  return `*${command} ${escapeMrkdwn(sub.usage)}*\n${sub.summary}\n*Examples:*\n${examples}`;
}
