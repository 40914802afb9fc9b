/**
 * Every button value and modal private metadata carries the id of the programme it belongs to, so
 * a press in a workspace with several programmes acts on that programme (issue 16), whichever
 * channel the message sits in. Stamped centrally: commands' replies by the dispatcher
 * (commands/index.ts), scheduled messages where they are built, so a button added later carries
 * it without knowing. Read back by each platform's press and submission handlers before the
 * request's context is built, where the id is checked against the acting workspace
 * (services/programme.ts): a value naming another workspace's programme is refused as stale.
 * A value without a stamp (a message posted before this) still works where the workspace has one
 * programme.
 */
import type { Block, Button, Message, Modal } from './message.js';

const STAMP = /^P(\d{1,9})\/([\s\S]*)$/;

/** `value` with the programme's id in front; unchanged when there is no programme or it is stamped. */
export function stampValue(value: string, programmeId: number | undefined): string {
  if (programmeId === undefined || STAMP.test(value)) return value;
  return `P${programmeId}/${value}`;
}

/** Whether a value carries a programme stamp already (stampValue leaves it as it is). */
export const isStamped = (value: string): boolean => STAMP.test(value);

/** The programme a value names, if any, and the handler's own value. */
export function readStamp(stamped: string): { programmeId?: number; value: string } {
  const match = STAMP.exec(stamped);
  return match ? { programmeId: Number(match[1]), value: match[2]! } : { value: stamped };
}

const stampButton = (button: Button, programmeId: number): Button => ({
  ...button,
  value: stampValue(button.value, programmeId),
});

function stampBlock(block: Block, programmeId: number): Block {
  if (block.type === 'actions')
    return { ...block, buttons: block.buttons.map((b) => stampButton(b, programmeId)) };
  if (block.type === 'section' && block.button)
    return { ...block, button: stampButton(block.button, programmeId) };
  return block;
}

/** The message with every button (its thread's too) stamped with the programme. */
export function stampMessage(message: Message, programmeId: number | undefined): Message {
  if (programmeId === undefined) return message;
  return {
    ...message,
    ...(message.blocks ? { blocks: message.blocks.map((b) => stampBlock(b, programmeId)) } : {}),
    ...(message.thread ? { thread: message.thread.map((m) => stampMessage(m, programmeId)) } : {}),
  };
}

/** The modal with its private metadata stamped with the programme. */
export function stampModal(modal: Modal, programmeId: number | undefined): Modal {
  return { ...modal, privateMetadata: stampValue(modal.privateMetadata ?? '', programmeId) };
}
