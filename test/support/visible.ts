/** Every piece of text a user would read in Block Kit blocks, one per line. */
type Shown = {
  text?: { text?: string };
  elements?: { text?: string | { text?: string }; action_id?: string; value?: string }[];
};

export const visibleText = (blocks: unknown): string =>
  ((blocks ?? []) as Shown[])
    .flatMap((b) => [
      b.text?.text,
      ...(b.elements ?? []).map((el) => (typeof el.text === 'string' ? el.text : el.text?.text)),
    ])
    .filter(Boolean)
    .join('\n');

/** The button with this action id in the blocks, if any. */
export const buttonIn = (blocks: unknown, actionId: string) =>
  ((blocks ?? []) as Shown[]).flatMap((b) => b.elements ?? []).find((el) => el.action_id === actionId);
