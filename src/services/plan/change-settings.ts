/**
 * `/improve settings` (admins): changes the programme's digest day and time, reminder time,
 * silence threshold, countdown days, board channel and exceptions-only digest. Each changed setting gets its own audit row
 * (before and after) in the same transaction. The scheduler reads the programme on every tick
 * (src/scheduler/index.ts), so a change applies from the next tick, with no restart.
 */
import type { Programme } from '../../db/generated/sqlite/client.js';
import { AppError } from '../../domain/errors.js';
import {
  readSetting,
  SETTING_KEYS,
  SETTING_LABELS,
  type SettingKey,
  type SettingValues,
} from '../../domain/programme-settings.js';
import { audit } from '../audit.js';
import { requireAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { loadProgramme } from '../programme.js';
import { inTransaction } from '../transaction.js';

export interface SettingChange {
  key: SettingKey;
  before: string | number | boolean | null;
  after: string | number | boolean;
}

/** The programme, for the form's initial values; refused to non-admins (and writes nothing). */
export async function settingsForEditing(deps: Deps, actor: Actor): Promise<Programme> {
  // Opening the form changes nothing, so it claims no request key: the submission does.
  return inTransaction(deps, { ...actor, requestKey: undefined }, async (tx, me) => {
    requireAdmin(me, 'change the programme’s settings');
    return loadProgramme(tx, actor);
  });
}

/**
 * Applies the settings given as text (by key); a value that is wrong is an AppError naming the
 * setting, and nothing is saved. Returns only what actually changed.
 */
export async function changeSettings(
  input: Partial<Record<SettingKey, string>>,
  deps: Deps,
  actor: Actor,
): Promise<SettingChange[]> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'change the programme’s settings');
    const programme = await loadProgramme(tx, actor);
    const values: Partial<SettingValues> = {};
    const changes: SettingChange[] = [];
    for (const key of SETTING_KEYS) {
      const text = input[key];
      if (text === undefined) continue;
      const read = readSetting(key, text);
      if (!read.ok) throw new AppError('bad_input', `The ${SETTING_LABELS[key]}: ${read.message}`);
      if (read.value === programme[key]) continue;
      Object.assign(values, { [key]: read.value });
      changes.push({ key, before: programme[key], after: read.value });
    }
    if (changes.length === 0) return [];
    await tx.programme.update({ where: { id: programme.id }, data: values });
    for (const change of changes)
      await audit(tx, {
        at: deps.clock.now(),
        workspaceId: actor.workspaceId,
        actor: actor.userId,
        action: `settings.${change.key}`,
        entity: 'programme',
        entityId: programme.id,
        before: { [change.key]: change.before },
        after: { [change.key]: change.after },
      });
    return changes;
  });
}
