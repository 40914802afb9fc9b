/**
 * `/improve settings case-reference add <example> | list | remove <number or example>` (admins):
 * the council's own case-reference formats, refused in every update like an NHS number.
 */
import { z } from 'zod';
import { AppError } from '../src/domain/errors.js';
import { anotherLike, shapeOf } from '../src/domain/personal-data/index.js';
import { toSafeText } from '../src/domain/text.js';
import {
  addCaseReference,
  listCaseReferences,
  removeCaseReference,
} from '../src/services/case-reference-settings.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

const input = z.object({ verb: z.enum(['add', 'list', 'remove']), value: z.string() });

export const settingsCaseReference: Subcommand<z.infer<typeof input>> = {
  name: 'settings case-reference',
  aliases: ['settings case-references'],
  usage: 'settings case-reference add <example> | list | remove <number>',
  summary: 'Teaches the personal-data guard your case-reference format from one example (admins).',
  examples: ['settings case-reference add CP/2025/1187', 'settings case-reference list'],
  parse(args) {
    const verb = args.word('add, list or remove').toLowerCase();
    const value = args.done ? '' : args.rest();
    if (verb !== 'list' && value.trim() === '')
      throw new AppError('bad_input', `Say which format to ${verb}, for example CP/2025/1187.`);
    return { verb, value };
  },
  schema: input,
  async run({ verb, value }, ctx) {
    if (verb === 'add') {
      const pattern = await addCaseReference(value, ctx.deps, ctx.actor);
      const example = toSafeText(value.trim());
      return ephemeral(
        `<icon:done> Added the format ${shapeOf(pattern)} (# is any digit). From now on updates with a reference like ${example} or ${toSafeText(anotherLike(value))} are refused. Only the format is kept, not your example.`,
      );
    }
    if (verb === 'remove') {
      const pattern = await removeCaseReference(value, ctx.deps, ctx.actor);
      return ephemeral(`<icon:done> Removed the format ${shapeOf(pattern)}.`);
    }
    const patterns = await listCaseReferences(ctx.deps, ctx.actor);
    if (patterns.length === 0)
      return ephemeral(
        `No council formats yet; the guard knows the common ones (Mosaic, LCS, EHM, Eclipse, CareFirst, Azeus). Add yours with \`${ctx.command} settings case-reference add CP/2025/1187\`.`,
      );
    return ephemeral(
      [
        'Your council’s case-reference formats (# is any digit):',
        ...patterns.map((p, i) => `${i + 1}. ${shapeOf(p)}`),
      ].join('\n'),
    );
  },
};
