import type { BuiltInMethod } from './method-types.js';
import { fail, ok, stringArg } from './replies.js';
import type { FakeWorkspace } from './store.js';
import type { ApiArgs, ApiReply, StoredView } from './types.js';

/** The `view` argument, if it is a view object of the expected type. */
function viewArg(args: ApiArgs, type: 'modal' | 'home'): Record<string, unknown> | undefined {
  const { view } = args;
  if (typeof view !== 'object' || view === null || Array.isArray(view)) return undefined;
  return (view as { type?: unknown }).type === type ? (view as Record<string, unknown>) : undefined;
}

/** The view object Slack returns: the app's view plus the ids and state Slack adds. */
function render(stored: StoredView, workspace: FakeWorkspace): Record<string, unknown> {
  const { view } = stored;
  return {
    ...view,
    id: stored.id,
    team_id: workspace.teamId,
    type: stored.type,
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    external_id: view.external_id ?? '',
    state: { values: {} },
    hash: stored.hash,
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    root_view_id: stored.rootViewId,
    previous_view_id: stored.previousViewId ?? null,
    app_id: workspace.bot.appId,
    app_installed_team_id: workspace.teamId,
    bot_id: workspace.bot.botId,
  };
}

function createView(
  workspace: FakeWorkspace,
  fields: { type: 'modal' | 'home'; view: Record<string, unknown>; userId?: string; previous?: StoredView },
): StoredView {
  const id = workspace.nextViewId();
  const stored: StoredView = {
    id,
    type: fields.type,
    view: fields.view,
    hash: workspace.nextViewHash(),
    rootViewId: fields.previous?.rootViewId ?? id,
    ...(fields.userId ? { userId: fields.userId } : {}),
    ...(fields.previous ? { previousViewId: fields.previous.id } : {}),
  };
  workspace.views.push(stored);
  return stored;
}

/** Modals need a trigger; we accept any, and learn the user when the trigger was minted here. */
function triggerUser(args: ApiArgs, workspace: FakeWorkspace): { userId?: string } | ApiReply {
  const trigger = stringArg(args, 'trigger_id') ?? stringArg(args, 'interactivity_pointer');
  if (!trigger) return fail('invalid_arguments');
  const userId = workspace.userForTrigger(trigger);
  return userId ? { userId } : {};
}

/** `views.open`: opens a modal. */
export const openView: BuiltInMethod = (args, { workspace }) => {
  const view = viewArg(args, 'modal');
  const user = triggerUser(args, workspace);
  if ('ok' in user) return user;
  if (!view) return fail('invalid_arguments');
  return ok({ view: render(createView(workspace, { type: 'modal', view, ...user }), workspace) });
};

/** `views.push`: stacks a modal on the user's current one. */
export const pushView: BuiltInMethod = (args, { workspace }) => {
  const view = viewArg(args, 'modal');
  const user = triggerUser(args, workspace);
  if ('ok' in user) return user;
  if (!view) return fail('invalid_arguments');
  const previous = workspace.views
    .filter((stored) => stored.type === 'modal' && stored.userId === user.userId)
    .pop();
  return ok({
    view: render(
      createView(workspace, { type: 'modal', view, ...user, ...(previous ? { previous } : {}) }),
      workspace,
    ),
  });
};

/** `views.update`: replaces a view found by id or external_id; a stale hash conflicts. */
export const updateView: BuiltInMethod = (args, { workspace }) => {
  const viewId = stringArg(args, 'view_id');
  const externalId = stringArg(args, 'external_id');
  if (!viewId && !externalId) return fail('invalid_arguments');
  const stored = workspace.views.find((candidate) =>
    viewId ? candidate.id === viewId : candidate.view.external_id === externalId,
  );
  if (!stored) return fail('not_found');
  const view = viewArg(args, stored.type);
  if (!view) return fail('invalid_arguments');
  const hash = stringArg(args, 'hash');
  if (hash && hash !== stored.hash) return fail('hash_conflict');
  stored.view = view;
  stored.hash = workspace.nextViewHash();
  return ok({ view: render(stored, workspace) });
};

/** `views.publish`: each user has one App Home view, replaced on every publish. */
export const publishView: BuiltInMethod = (args, { workspace }) => {
  const userId = stringArg(args, 'user_id');
  const view = viewArg(args, 'home');
  if (!userId || !view) return fail('invalid_arguments');
  if (!workspace.knowsUser(userId)) return fail('user_not_found');
  const existing = workspace.homeViewFor(userId);
  const hash = stringArg(args, 'hash');
  if (existing && hash && hash !== existing.hash) return fail('hash_conflict');
  if (!existing)
    return ok({ view: render(createView(workspace, { type: 'home', view, userId }), workspace) });
  existing.view = view;
  existing.hash = workspace.nextViewHash();
  return ok({ view: render(existing, workspace) });
};
