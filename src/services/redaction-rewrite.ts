/**
 * Writing the redacted copies row by row (redaction-copies.ts finds them). A row that is not JSON
 * (corrupt, or edited by hand) cannot be walked: rather than stop the whole redaction, which
 * would leave the text in every copy, it is searched as plain text and reported by id.
 */
import { parseJson, redactUnreadable } from '../domain/redaction.js';

/** A stored row whose JSON could not be read (corrupt, or edited by hand): ids only, never its text. */
export interface UnreadableCopy {
  table: 'AuditLog' | 'ReminderLog' | 'PackRequest' | 'BoardPack';
  id: string;
  /** False when part of a text (the filter's fragment) is still in the row after the plain-text search. */
  cleared: boolean;
}

export interface RedactedCopies {
  /** How many rows were rewritten. */
  rewritten: number;
  unreadable: UnreadableCopy[];
}

export interface Search {
  table: UnreadableCopy['table'];
  /** A parsed column with the texts replaced, or undefined when it holds none. */
  redact: (value: unknown) => unknown;
  /** What to look for in a column that is not JSON, and the filter's fragments that found the row. */
  plain: string[];
  fragments: string[];
  marker: string;
}

/**
 * Writes each row's redacted columns. A column that is not JSON does not stop the redaction (the
 * text would then stay everywhere): it is searched as plain text (redactUnreadable) and reported.
 */
export async function rewrite<R>(
  rows: R[],
  key: (row: R) => string,
  columns: { [C in keyof R]: R[C] extends string | null ? C : never }[keyof R][],
  search: Search,
  write: (row: R, data: Record<string, string>) => Promise<unknown>,
): Promise<RedactedCopies> {
  const done: RedactedCopies = { rewritten: 0, unreadable: [] };
  for (const row of rows) {
    const data: Record<string, string> = {};
    let cleared: boolean | undefined;
    for (const column of columns) {
      const json = row[column] as string | null;
      if (json === null) continue;
      const parsed = parseJson(json);
      const redacted = parsed ? search.redact(parsed.value) : undefined;
      if (redacted !== undefined) data[column as string] = JSON.stringify(redacted);
      if (parsed) continue;
      const plain = redactUnreadable(json, search.plain, search.marker);
      if (plain !== null) data[column as string] = plain;
      const left = plain ?? json;
      const partLeft = search.fragments.some((f) => f !== '' && left.includes(f));
      // Neither found nor a fragment of it: this column never held the text (another one did).
      if (plain === null && !partLeft) continue;
      cleared = (cleared ?? true) && !partLeft;
    }
    if (cleared !== undefined) done.unreadable.push({ table: search.table, id: key(row), cleared });
    if (Object.keys(data).length === 0) continue;
    await write(row, data);
    done.rewritten += 1;
  }
  return done;
}
