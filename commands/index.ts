/**
 * The registry of /improve subcommands and the router. Help is generated from this list, so it
 * cannot drift from what the commands accept.
 */
import { z } from 'zod';
import type { Modal } from '../src/chat/message.js';
import { AppError, isAppError } from '../src/domain/errors.js';
import { wellFormed } from '../src/domain/text.js';
import type { CommandOutcome } from '../src/ops/metrics.js';
import { actionHelp } from './action.js';
import { actionAdd } from './action-add.js';
import { actionAddModalHandler } from './action-add-modal.js';
import { actionDone } from './action-done.js';
import { actionDrop } from './action-drop.js';
import { actionExtend } from './action-extend.js';
import { actionList } from './action-list.js';
import { actionReassign } from './action-reassign.js';
import { actionVerify } from './action-verify.js';
import { admins } from './admins.js';
import { Args } from './args.js';
import { ask } from './ask.js';
import { correctedCommand, unknownSubcommand } from './corrections.js';
import { coverage, postCoverageButton } from './coverage.js';
import { digestPreview } from './digest-preview.js';
import { digestSend } from './digest-send.js';
import { approveExtensionButton, refuseExtensionButton } from './extension-buttons.js';
import { helpFor, overview } from './help.js';
import { history } from './history.js';
import { kpiAdd } from './kpi-add.js';
import { kpiList } from './kpi-list.js';
import { kpiRecord } from './kpi-record.js';
import { kpiTarget } from './kpi-target.js';
import { reassignButton, silenceButton, silenceModal } from './notice-buttons.js';
import { pack } from './pack.js';
import { scopeContext, stampReply, takeProgrammeOption, withProgramme } from './programme-option.js';
import { projectAdd } from './project-add.js';
import { projectClose } from './project-close.js';
import { projectRename } from './project-rename.js';
import { rag, ragModalHandler } from './rag.js';
import { recommendationAdd } from './recommendation-add.js';
import { recommendationLink } from './recommendation-link.js';
import { recommendationList } from './recommendation-list.js';
import { redact } from './redact.js';
import { addUpdateButton, doneButton, newDateButton, notMineButton } from './reminder-buttons.js';
import { addUpdateModal, doneModal, newDateModal, notMineModal } from './reminder-modals.js';
import { reminders } from './reminders.js';
import { apology, ephemeral, refusal } from './replies.js';
import { settings, settingsModalHandler } from './settings.js';
import { settingsCaseReference } from './settings-case-reference.js';
import { setup } from './setup.js';
import { snooze } from './snooze.js';
import { postStatusButton, status } from './status.js';
import { tokenize } from './tokenize.js';
import { refuseIfTooLong } from './too-long.js';
import type {
  AnySubcommand,
  ButtonHandler,
  CommandContext,
  ModalHandler,
  Reply,
  RequestContext,
  Subcommand,
} from './types.js';
import { update, updateModalHandler } from './update.js';
import { updateEdit, updateUndo } from './update-edit.js';
import { visitAdd } from './visit-add.js';
import { visitCancel } from './visit-cancel.js';
import { visitDone } from './visit-done.js';
import { visitList } from './visit-list.js';
import { visitMove } from './visit-move.js';
import { visitPack } from './visit-pack.js';
import { workstreamAdd } from './workstream-add.js';
import { workstreamClose } from './workstream-close.js';
import { workstreamEdit } from './workstream-edit.js';
import { workstreamList } from './workstream-list.js';

const help: Subcommand<{ topic?: string }> = {
  name: 'help',
  usage: 'help [subcommand]',
  summary: 'Lists the subcommands, or explains one or a group of them (`help kpi`).',
  examples: ['help', 'help update', 'help kpi'],
  parse: (args) => ({ topic: args.done ? undefined : args.rest() }),
  schema: z.object({ topic: z.string().optional() }),
  run: async ({ topic }, ctx) =>
    ephemeral(topic ? helpFor(SUBCOMMANDS, topic, ctx.command) : overview(SUBCOMMANDS, ctx.command)),
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
  visitMove,
  visitDone,
  visitPack,
  kpiAdd,
  kpiRecord,
  kpiList,
  kpiTarget,
  workstreamAdd,
  workstreamList,
  workstreamEdit,
  workstreamClose,
  projectAdd,
  projectRename,
  projectClose,
  // Evidence of grip (issue 15).
  recommendationAdd,
  recommendationLink,
  recommendationList,
  coverage,
  ask,
  history,
  status,
  digestPreview,
  digestSend,
  pack,
  snooze,
  reminders,
  redact,
  settingsCaseReference,
  settings,
  admins,
  setup,
  help,
];

/** Modal submissions, by callback id. */
export const MODAL_HANDLERS: ModalHandler[] = [
  updateModalHandler,
  ragModalHandler,
  actionAddModalHandler,
  doneModal,
  newDateModal,
  addUpdateModal,
  notMineModal,
  silenceModal,
  settingsModalHandler,
];

/** Button presses, by action id. */
export const BUTTON_HANDLERS: ButtonHandler[] = [
  postStatusButton,
  postCoverageButton,
  doneButton,
  newDateButton,
  addUpdateButton,
  notMineButton,
  reassignButton,
  silenceButton,
  approveExtensionButton,
  refuseExtensionButton,
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

/**
 * Parses, validates and runs one command; never throws: every failure becomes a reply. Each
 * command is counted on /metrics by subcommand and outcome, with its latency.
 * `text` is what the person typed, in the neutral markup's inbound form: unescaped, with each
 * mention already a `<person:…>` or `<channel:…>` token (the platform's inbound side does that).
 * Given a RequestContext, the programmes are read once the subcommand is known, and only for a
 * subcommand that is not unscoped (see UnscopedSubcommand).
 */
export async function runCommand(text: string, ctx: RequestContext | CommandContext): Promise<Reply> {
  const started = performance.now();
  const outcome = { name: 'unknown', result: 'ok' as CommandOutcome };
  try {
    return await routeCommand(text, ctx, outcome);
  } finally {
    ctx.deps.metrics?.command(outcome.name, outcome.result, (performance.now() - started) / 1000);
  }
}

const isScoped = (ctx: RequestContext | CommandContext): ctx is CommandContext => 'today' in ctx;
const scoped = async (ctx: RequestContext | CommandContext): Promise<CommandContext> =>
  isScoped(ctx) ? ctx : scopeContext(ctx);

/** Parses, validates and runs one command; notes its subcommand and outcome for /metrics. */
async function routeCommand(
  text: string,
  ctx: RequestContext | CommandContext,
  outcome: { name: string; result: CommandOutcome },
): Promise<Reply> {
  const typed = `${ctx.command} ${text}`.trim();
  let raw = wellFormed(text).trim();
  const tooLong = refuseIfTooLong(raw, typed, ctx.command);
  if (tooLong) {
    outcome.result = 'refused';
    return tooLong;
  }
  let programmeName: string | undefined;
  try {
    ({ raw, name: programmeName } = takeProgrammeOption(raw, tokenize(raw)));
  } catch (error) {
    if (!isAppError(error)) throw error;
    outcome.result = 'refused';
    return refusal(error, { typed });
  }
  const tokens = tokenize(raw);
  if (tokens.length === 0) {
    outcome.name = 'help';
    return ephemeral(overview(SUBCOMMANDS, ctx.command));
  }
  const corrected = (error: AppError) =>
    error.fix
      ? (correctedCommand(ctx.command, raw, tokens, error.fix) ?? undefined)
      : error.goAhead
        ? `${typed} ${error.goAhead}`
        : undefined;
  const found = findSubcommand(tokens.map((t) => t.text));
  if (!found) {
    outcome.result = 'refused';
    const names = SUBCOMMANDS.map((s) => s.name);
    const error = unknownSubcommand(tokens[0]!.text, names, ctx.command);
    const fixed = corrected(error);
    return refusal(error, { typed, corrected: fixed && correctFurther(fixed, await scoped(ctx)) });
  }
  const { sub, used } = found;
  outcome.name = sub.name;
  const usage = `${ctx.command} ${sub.usage}`;
  try {
    const args = () => new Args(raw, tokens.slice(used));
    const bare = tokens.length === used;
    // `--programme` chooses the programme first; otherwise an unscoped subcommand reads none.
    const chosen = programmeName !== undefined ? await withProgramme(ctx, programmeName) : undefined;
    if (sub.unscoped) return await runFound(sub, chosen ?? ctx, args, bare);
    return await runFound(sub, chosen ?? (await scoped(ctx)), args, bare);
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === 'duplicate_request') return { kind: 'none' };
      outcome.result = 'refused';
      const fixed = corrected(error);
      return refusal(
        error.example || fixed
          ? error
          : new AppError(error.code, error.message, { example: example(sub, ctx) }),
        { usage, typed, corrected: fixed },
      );
    }
    ctx.deps.logger.error({ err: error, subcommand: sub.name }, 'command failed');
    outcome.result = 'error';
    return apology(typed);
  }
}

/** The found subcommand's modal (given no arguments) or its parse, validation and run, on `ctx`. */
async function runFound<C extends RequestContext>(
  sub: {
    examples: string[];
    parse(args: Args, ctx: C): unknown;
    // biome-ignore lint/suspicious/noExplicitAny: each subcommand checks its input with its own zod schema
    schema: z.ZodType<any>;
    // biome-ignore lint/suspicious/noExplicitAny: validated by the schema above
    run(input: any, ctx: C): Promise<Reply>;
    modal?(ctx: C): Promise<Modal>;
  },
  ctx: C,
  args: () => Args,
  bare: boolean,
): Promise<Reply> {
  if (bare && sub.modal) return await stampReply({ kind: 'modal', modal: await sub.modal(ctx) }, ctx);
  const input = sub.schema.safeParse(sub.parse(args(), ctx));
  if (!input.success)
    throw new AppError('bad_input', input.error.issues.map((i) => i.message).join(' '), {
      example: example(sub, ctx),
    });
  return await stampReply(await sub.run(input.data, ctx), ctx);
}

/**
 * A command whose subcommand was mistyped may hold another slip the grammar can see ('udpate WS1
 * amberr …'): the copy offered fixes those too, so sending it does not meet a second refusal.
 */
function correctFurther(command: string, ctx: CommandContext): string {
  let text = command;
  for (let attempt = 0; attempt < 3; attempt++) {
    const raw = text.slice(ctx.command.length).trim();
    const tokens = tokenize(raw);
    const found = findSubcommand(tokens.map((t) => t.text));
    if (!found) return text;
    try {
      found.sub.parse(new Args(raw, tokens.slice(found.used)), ctx);
      return text;
    } catch (error) {
      const next = isAppError(error) && error.fix && correctedCommand(ctx.command, raw, tokens, error.fix);
      if (!next || next === text) return text;
      text = next;
    }
  }
  return text;
}

function example(sub: { examples: string[] }, ctx: RequestContext): string | undefined {
  return sub.examples[0] ? `${ctx.command} ${sub.examples[0]}` : undefined;
}

/**
 * Presses a button: the value's programme stamp has already been read into the context by the
 * platform (src/chat/programme-stamp.ts); whatever the press shows is stamped in turn.
 */
export async function pressButton(
  handler: ButtonHandler,
  value: string,
  ctx: Parameters<ButtonHandler['press']>[1],
): ReturnType<ButtonHandler['press']> {
  return stampReply(await handler.press(value, ctx), ctx);
}

/** Submits a modal (its metadata's programme stamp already read into the context); its reply stamped. */
export async function submitModal(
  handler: ModalHandler,
  values: Parameters<ModalHandler['submit']>[0],
  privateMetadata: string,
  ctx: CommandContext,
): ReturnType<ModalHandler['submit']> {
  const result = await handler.submit(values, privateMetadata, ctx);
  return 'errors' in result ? result : stampReply(result, ctx);
}
