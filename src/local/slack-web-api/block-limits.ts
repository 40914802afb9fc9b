/**
 * The Block Kit limits Slack enforces by refusing the whole message (`invalid_blocks`), so that
 * code which sends a section too long fails here as it would in Slack, instead of passing tests.
 */
const MAX_TEXT = 3000;

/** The first broken limit in `blocks`, or null. `maxBlocks` is 50 in a message, 100 in a view. */
export function blockLimitBroken(blocks: unknown[], maxBlocks = 50): string | null {
  if (blocks.length > maxBlocks) return `more than ${maxBlocks} blocks`;
  for (const [i, block] of blocks.entries()) {
    const b = block as { type?: string; text?: { text?: unknown }; elements?: { text?: unknown }[] };
    const texts = [b.text?.text, ...(b.type === 'context' ? (b.elements ?? []).map((e) => e.text) : [])];
    for (const text of texts)
      if (typeof text === 'string' && text.length > MAX_TEXT)
        return `block ${i}: text of ${text.length} characters, over ${MAX_TEXT}`;
  }
  return null;
}
