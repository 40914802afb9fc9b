/**
 * The shape of a subcommand: its usage, examples, grammar (tokens → a zod-validated input) and a
 * handler that calls one service and returns a platform-neutral reply. No Slack types here.
 */
import type { z } from 'zod';
import type { Chat } from '../src/chat/chat.js';
import type { Message, Modal, ModalValues } from '../src/chat/message.js';
import type { Programme } from '../src/db/generated/sqlite/client.js';
import type { Day } from '../src/domain/dates.js';
import type { Actor, Deps } from '../src/services/deps.js';
import type { Args } from './args.js';

/**
 * What a request's context holds before any programme is read: who, where, and the command's name.
 * A typed command reads its programmes (for CommandContext) only once its subcommand is known, and
 * not at all for an unscoped subcommand, whose own first read chooses its programme.
 */
export interface RequestContext {
  deps: Deps;
  actor: Actor;
  /** Where the command was typed. */
  channelId: string;
  /** The slash command's name, e.g. '/improve', for usage lines and examples. */
  command: string;
  /** The chat platform, for the few commands that post somewhere else (digest send). */
  chat?: Chat;
}

export interface CommandContext extends RequestContext {
  /** Today in the programme's timezone, for dates like 'friday'. */
  today: Day;
  timezone: string;
  /**
   * The workspace's programmes (oldest first) as read to build this context, the request's first
   * read: a read-only command may choose its programme from them (chooseProgramme) rather than
   * read them again. Anything that writes, or runs in a transaction, reads them afresh.
   */
  programmes?: readonly Programme[];
}

/**
 * What the chat layer does with a command's result. `ephemeral` is shown to the user only;
 * `channel` is posted by the bot in the channel (and `afterPost` learns where it landed), or, with
 * `replace`, updates a message the bot posted before.
 */
export type Reply =
  | {
      kind: 'ephemeral';
      message: Message;
      /**
       * Slow work (producing and uploading a board pack) done after the platform has been
       * answered: `message` says it has started, and this one's result follows, to the same person.
       */
      followUp?: () => Promise<Message>;
    }
  | {
      kind: 'channel';
      message: Message;
      confirmation?: Message;
      afterPost?: (where: { channelId: string; messageId: string }) => Promise<void>;
      /** Replace this earlier bot message instead of posting a new one (an edited or withdrawn update). */
      replace?: { channelId: string; messageId: string };
    }
  | { kind: 'modal'; modal: Modal }
  /**
   * Re-publishes the person's App Home tab (after a button pressed there), and updates their
   * reminder DM listing the same action, so the two never disagree.
   */
  | { kind: 'home'; message: Message; reminder?: { channelId: string; messageId: string; message: Message } }
  | { kind: 'none' };

export interface Subcommand<I = unknown> {
  /** One or two words: 'update', 'action add'. */
  name: string;
  aliases?: string[];
  /** After the command name: 'update <workstream> [red|amber|green] <text>'. */
  usage: string;
  summary: string;
  examples: string[];
  /** Turns the words after the name into the raw input; throws AppError for bad input. */
  parse(args: Args, ctx: CommandContext): unknown;
  schema: z.ZodType<I>;
  run(input: I, ctx: CommandContext): Promise<Reply>;
  /** With no arguments, open this modal instead of failing. */
  modal?(ctx: CommandContext): Promise<Modal>;
  unscoped?: false;
}

/**
 * A subcommand whose own first read chooses its programme (chooseProgramme on the actor's scope),
 * and whose parse, run and modal need neither today, the timezone nor the programmes: typed, it
 * runs on the RequestContext, so no programme is read before it (`/improve update` is one read
 * and one write before its answer). `--programme` still chooses the programme first.
 */
export interface UnscopedSubcommand<I = unknown>
  extends Omit<Subcommand<I>, 'parse' | 'run' | 'modal' | 'unscoped'> {
  unscoped: true;
  parse(args: Args, ctx: RequestContext): unknown;
  run(input: I, ctx: RequestContext): Promise<Reply>;
  modal?(ctx: RequestContext): Promise<Modal>;
}

/** A modal's submission handler, found by the modal's callback id. */
export interface ModalHandler {
  callbackId: string;
  /** Returns field errors (input id → message) to show in the modal, or a reply. */
  submit(
    values: ModalValues,
    privateMetadata: string,
    ctx: CommandContext,
  ): Promise<{ errors: Record<string, string> } | Reply>;
}

/** A button's handler, found by the button's action id. */
export interface ButtonHandler {
  actionId: string;
  press(
    value: string,
    ctx: CommandContext & { message?: { channelId: string; messageId: string } },
  ): Promise<Reply | { kind: 'replace'; message: Message }>;
}

/** Any subcommand, whatever its input: the registry holds them all, and each validates its own. */
// biome-ignore lint/suspicious/noExplicitAny: each subcommand checks its input with its own zod schema
export type AnySubcommand = Subcommand<any> | UnscopedSubcommand<any>;
