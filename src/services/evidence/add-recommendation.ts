/**
 * `/improve recommendation add`: the programme manager records a recommendation the plan must
 * cover: from the inspection report, a monitoring letter's priority actions, the improvement
 * notice's measures or the commissioner's report. Admins only: these are external documents.
 */
import type { Tx } from '../../db/client.js';
import type { Person, Programme, Recommendation } from '../../db/generated/sqlite/client.js';
import { type Day, formatUkDate, todayIn } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import { REF_PATTERN, type RecommendationSource } from '../../domain/recommendation.js';
import { toSafeText } from '../../domain/text.js';
import { audit } from '../audit.js';
import { requireAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { guardText } from '../guard-text.js';
import { loadProgramme } from '../programme.js';
import { inTransaction } from '../transaction.js';
import { findRecommendation } from './find-recommendation.js';

export interface AddRecommendationInput {
  ref: string;
  text: string;
  source?: RecommendationSource;
  sourceDate?: Day | null;
}

export async function addRecommendation(
  input: AddRecommendationInput,
  deps: Deps,
  actor: Actor,
): Promise<Recommendation> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'add recommendations');
    const programme = await loadProgramme(tx, actor);
    return createRecommendation(tx, deps, actor, me, programme, { ...input, eventId: null });
  });
}

/** Creates one recommendation in an open transaction; shared with `visit done`'s priority actions. */
export async function createRecommendation(
  tx: Tx,
  deps: Deps,
  actor: Actor,
  me: Person,
  programme: Programme,
  input: AddRecommendationInput & { eventId: number | null },
): Promise<Recommendation> {
  if (!REF_PATTERN.test(input.ref))
    throw new AppError(
      'bad_input',
      `“${toSafeText(input.ref)}” is not a reference I can use: 1 to 12 letters, digits or dashes, such as R1 or PA3.`,
    );
  const today = todayIn(deps.clock.now(), programme.timezone);
  if (input.sourceDate && input.sourceDate > today)
    throw new AppError(
      'bad_input',
      `The source is dated ${formatUkDate(input.sourceDate)}, which is after today: give the date the document was published.`,
    );
  const existing = await findRecommendation(tx, programme, input.ref);
  if (existing)
    throw new AppError(
      'conflict',
      `There is already a recommendation ${toSafeText(existing.ref)}: “${toSafeText(existing.text)}”. Use another reference.`,
    );
  if (input.text.trim().length < 3)
    throw new AppError('bad_input', 'Say what the recommendation is, after its reference.');
  const text = await guardText(tx, actor.workspaceId, input.text, 'recommendation', deps.clock.now());
  const last = await tx.recommendation.findFirst({
    where: { programmeId: programme.id, workspaceId: actor.workspaceId },
    orderBy: { number: 'desc' },
  });
  const recommendation = await tx.recommendation.create({
    data: {
      workspaceId: actor.workspaceId,
      programmeId: programme.id,
      number: (last?.number ?? 0) + 1,
      ref: input.ref.toUpperCase(),
      text,
      source: input.source ?? 'inspection_report',
      sourceDate: input.sourceDate ?? null,
      eventId: input.eventId,
      createdById: me.id,
      createdAt: deps.clock.now(),
    },
  });
  await audit(tx, {
    at: deps.clock.now(),
    workspaceId: actor.workspaceId,
    actor: actor.userId,
    action: 'recommendation.add',
    entity: 'recommendation',
    entityId: recommendation.id,
    after: recommendation,
  });
  return recommendation;
}
