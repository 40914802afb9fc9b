/**
 * Writing the redacted copies row by row (redaction-copies.ts finds them). A row that is not JSON
 * (corrupt, or edited by hand) cannot be walked: rather than stop the whole redaction, which
 * would leave the text in every copy, its whole values are replaced as text and it is reported
 * by id, since a copy cut short or changed inside the text cannot be recognised there.
 */
import { parseJson, type Redacted, redactUnreadable, type UnreadableSearch } from '../domain/redaction.js';

/**
 * A stored row that held a text but is not JSON (corrupt, or edited by hand): ids only, never
 * its text. Never called clean: what is left of it may still hold part of the text.
 */
export interface UnreadableCopy {
  table: 'AuditLog' | 'ReminderLog' | 'PackRequest' | 'BoardPack';
  id: string;
}

export interface RedactedCopies {
  /** How many rows were rewritten. */
  rewritten: number;
  unreadable: UnreadableCopy[];
}

export interface Search {
  table: UnreadableCopy['table'];
  /** A parsed column with the texts replaced, and whether it held any. */
  redact: (value: unknown) => Redacted;
  /** What to replace in a column that is not JSON, and the filter's fragments that found the row. */
  unreadable: UnreadableSearch;
  fragments: string[];
  marker: string;
}

/**
 * Writes each row's redacted columns. A column that is not JSON does not stop the redaction (the
 * text would then stay everywhere): its whole values are replaced as text (redactUnreadable) and
 * the row is reported.
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
    let held = false;
    for (const column of columns) {
      const json = row[column] as string | null;
      if (json === null) continue;
      const parsed = parseJson(json);
      if (parsed) {
        const redacted = search.redact(parsed.value);
        if (redacted.found) data[column as string] = JSON.stringify(redacted.value);
        continue;
      }
      const replaced = redactUnreadable(json, search.unreadable, search.marker);
      if (replaced !== null) data[column as string] = replaced;
      // Neither replaced nor a fragment of it (outside the markers): this column never held the text.
      const left = (replaced ?? json).split(JSON.stringify(search.marker).slice(1, -1)).join('');
      held ||= replaced !== null || search.fragments.some((f) => f !== '' && left.includes(f));
    }
    if (held) done.unreadable.push({ table: search.table, id: key(row) });
    if (Object.keys(data).length === 0) continue;
    await write(row, data);
    done.rewritten += 1;
  }
  return done;
}
