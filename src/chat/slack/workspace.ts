/**
 * The one place that decides which workspace (tenant) a Slack request acts in. Every listener
 * asks here, so no request can fall back to an empty workspace id: an empty or missing one is
 * refused, never served as workspace "" (which would share one programme among every request
 * that arrived without a team, such as Enterprise Grid presses with `team: null`).
 */

type Loose = Record<string, unknown> | null | undefined;

const nonEmpty = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/**
 * The acting workspace of a slash command, interaction or event, or null if Slack did not say.
 * Interactions name it in `team.id`; on an Enterprise Grid org-wide install `team` is null and
 * the person's own workspace (`user.team_id`) is the one they act in.
 */
export function actingWorkspace(body: unknown): string | null {
  const b = body as Loose;
  return (
    nonEmpty(field(b, 'team_id')) ??
    nonEmpty(field(field(b, 'team'), 'id')) ??
    nonEmpty(field(field(b, 'user'), 'team_id')) ??
    nonEmpty(field(field(b, 'view'), 'team_id'))
  );
}

/** Said to the person when Slack sent no workspace: nothing was done, and why. */
export const NO_WORKSPACE_REPLY =
  'Sorry, Slack did not say which workspace this came from, so I have done nothing. Please try again from a channel in your workspace.';
