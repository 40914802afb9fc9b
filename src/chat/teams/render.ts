/**
 * Neutral Messages as Adaptive Cards (schema 1.5): a pure presenter, snapshot-tested. Teams'
 * limit on one activity (about 28 KB) is enforced here, by splitting into several cards at block
 * boundaries, so the neutral layout never needs to know it.
 */
import type { Block, Button, Message } from '../message.js';
import { type MentionEntity, type Names, toTeamsMarkdown } from './markdown.js';

/** An Adaptive Card element or action: plain JSON, as Teams receives it. */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  /** Mentions must be declared on the card for `<at>` inside it to notify. */
  msteams: { width: 'Full'; entities: MentionEntity[] };
}

/** What to send: one card per activity, with the plain-text fallback of the message. */
export interface RenderedMessage {
  text: string;
  cards: AdaptiveCard[];
}

/** Teams refuses activities over ~28 KB; the rest is room for the activity's own fields. */
export const CARD_BYTE_LIMIT = 24_000;

/** Renders a message; `names` turns ids into the names Teams shows. */
export function renderMessage(message: Message, names: Names = {}, limit = CARD_BYTE_LIMIT): RenderedMessage {
  const blocks = message.blocks ?? [{ type: 'section', text: message.text }];
  const cards: AdaptiveCard[] = [];
  let current = emptyCard();
  for (const block of blocks) {
    const { elements, mentions } = renderBlock(block, names);
    const next = withElements(current, elements, mentions);
    if (current.body.length > 0 && bytes(next) > limit) {
      cards.push(current);
      current = withElements(emptyCard(), elements, mentions);
    } else current = next;
  }
  if (current.body.length > 0 || cards.length === 0) cards.push(current);
  return { text: toTeamsMarkdown(message.text, names).text, cards };
}

function emptyCard(): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [],
    msteams: { width: 'Full', entities: [] },
  };
}

function withElements(card: AdaptiveCard, elements: CardElement[], mentions: MentionEntity[]): AdaptiveCard {
  const known = new Set(card.msteams.entities.map((m) => m.mentioned.id));
  const entities = [...card.msteams.entities, ...mentions.filter((m) => !known.has(m.mentioned.id))];
  return { ...card, body: [...card.body, ...elements], msteams: { ...card.msteams, entities } };
}

const bytes = (card: AdaptiveCard) => Buffer.byteLength(JSON.stringify(card));

/** One neutral block as card elements, with the mentions its text makes. */
export function renderBlock(
  block: Block,
  names: Names,
): { elements: CardElement[]; mentions: MentionEntity[] } {
  const mentions: MentionEntity[] = [];
  const md = (text: string) => {
    const out = toTeamsMarkdown(text, names);
    mentions.push(...out.mentions);
    return out.text;
  };
  const elements = ((): CardElement[] => {
    switch (block.type) {
      case 'header':
        return [{ type: 'TextBlock', text: md(block.text), size: 'Large', weight: 'Bolder', wrap: true }];
      case 'section':
        return [
          { type: 'TextBlock', text: md(block.text), wrap: true },
          ...(block.fields?.length ? [fieldColumns(block.fields.map(md))] : []),
          ...(block.button ? [actionSet([block.button], md)] : []),
        ];
      case 'context':
        return [{ type: 'TextBlock', text: md(block.text), size: 'Small', isSubtle: true, wrap: true }];
      case 'divider':
        // A separator belongs to the element after it; an empty container carries it on its own.
        return [{ type: 'Container', separator: true, spacing: 'Medium', items: [] }];
      case 'actions':
        return [actionSet(block.buttons, md, block.blockId)];
    }
  })();
  return { elements, mentions };
}

/** Slack's two-column fields as two columns of TextBlocks, read left to right, row by row. */
function fieldColumns(fields: string[]): CardElement {
  const column = (odd: number) => ({
    type: 'Column',
    width: 'stretch',
    items: fields.filter((_, i) => i % 2 === odd).map((text) => ({ type: 'TextBlock', text, wrap: true })),
  });
  return { type: 'ColumnSet', columns: [column(0), column(1)] };
}

/** Buttons as Action.Execute: pressed, the bot answers with a card that replaces this one. */
function actionSet(buttons: Button[], md: (t: string) => string, id?: string): CardElement {
  return {
    type: 'ActionSet',
    ...(id ? { id } : {}),
    actions: buttons.map((b) => ({
      type: 'Action.Execute',
      title: md(b.text),
      verb: b.actionId,
      data: { actionId: b.actionId, value: b.value },
      ...(b.style === 'primary'
        ? { style: 'positive' }
        : b.style === 'danger'
          ? { style: 'destructive' }
          : {}),
    })),
  };
}
