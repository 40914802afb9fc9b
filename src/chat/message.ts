/**
 * Platform-neutral messages and modals. Commands and services build these; src/chat/slack renders
 * them as Block Kit (and a Teams renderer could render them as Adaptive Cards). Text uses Slack's
 * mrkdwn subset (*bold*, _italic_, <@U123> mentions), which is what our users write.
 */
export type Block =
  | { type: 'header'; text: string }
  | { type: 'section'; text: string; fields?: string[]; button?: Button }
  | { type: 'context'; text: string }
  | { type: 'divider' }
  | { type: 'actions'; buttons: Button[]; blockId?: string };

export interface Button {
  text: string;
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
}

export interface Message {
  /** The plain-text fallback: notifications, screen readers, and clients that cannot show blocks. */
  text: string;
  blocks?: Block[];
  /** Replies to post in the message's thread (a digest's continuation). */
  thread?: Message[];
}

export type ModalInput =
  | {
      id: string;
      label: string;
      kind: 'text' | 'multiline';
      initial?: string;
      optional?: boolean;
      hint?: string;
      maxLength?: number;
    }
  | {
      id: string;
      label: string;
      kind: 'select';
      options: { value: string; label: string }[];
      initial?: string;
      optional?: boolean;
    }
  | { id: string; label: string; kind: 'user'; initial?: string; optional?: boolean }
  | { id: string; label: string; kind: 'date'; initial?: string; optional?: boolean }
  /** A channel or conversation picker; its value is the platform's channel id. */
  | { id: string; label: string; kind: 'channel'; initial?: string; optional?: boolean };

export interface Modal {
  callbackId: string;
  title: string;
  submitLabel: string;
  /** Carried through Slack untouched, e.g. the channel the command was typed in. */
  privateMetadata: string;
  intro?: string;
  inputs: ModalInput[];
}

/** What a modal submission gives back: the value of each input by id. */
export type ModalValues = Record<string, string | undefined>;

/**
 * How much one message may hold on a platform, declared by its adapter (Chat.limits): a neutral
 * layout such as the digest's packs its sections, by meaning, into messages of this size.
 */
export interface MessageLimits {
  /** Blocks in one message. */
  blocks: number;
  /** Characters in one section's text, as rendered. */
  sectionChars: number;
  /** Characters across one message's blocks, beyond which it is hard to read. */
  messageChars: number;
}

/** For output that has no platform behind it (the terminal's dry run): one message holds all. */
export const NO_LIMITS: MessageLimits = {
  blocks: Number.POSITIVE_INFINITY,
  sectionChars: Number.POSITIVE_INFINITY,
  messageChars: Number.POSITIVE_INFINITY,
};

export const plain = (text: string): Message => ({ text, blocks: [{ type: 'section', text }] });
