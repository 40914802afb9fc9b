/**
 * The App Home tab, as Slack shows it when you open the app: the view the app published for
 * you (your open actions with their buttons, your workstreams' RAG, the next Ofsted visit).
 * Opening the tab asks the app to publish it afresh, as Slack's app_home_opened does.
 */
import { renderBlocks } from './blocks.js';
import { h } from './dom.js';

export const HOME = { id: 'home', name: 'Home', kind: 'home' };

/** `view`: { data, ctx, onAction(action, button) }. */
export function renderHome(container, view) {
  const { data, ctx } = view;
  const intro = h(
    'div',
    { class: 'conversation-intro' },
    h('h2', {}, `${data.bot.name} · Home`),
    h('p', {}, 'What is yours to do, your workstreams’ RAG and the next Ofsted visit.'),
  );
  const body = data.home
    ? h('div', { class: 'home-view' }, renderBlocks(data.home.blocks, ctx, view.onAction))
    : h('p', { class: 'hint' }, 'Loading your Home tab…');
  container.replaceChildren(intro, body);
}
