/**
 * Slack's mrkdwn as HTML: *bold*, _italic_, ~strike~, `code`, ```blocks```, > quotes, bullet
 * lines, <url|links>, <@U…> and <#C…> mentions (shown with names) and :emoji:. Every piece of
 * text is HTML-escaped; links are kept only for http(s) and mailto.
 */
import { emojify } from './emoji.js';

const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (ch) => HTML[ch]);
// Slack escapes &, < and > in message text; undo that before escaping for HTML.
const decodeSlack = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** `ctx`: { people: Map<id, name>, channels: Map<id, name> }. Returns trusted HTML. */
export function mrkdwn(text, ctx) {
  const held = [];
  // Private-use characters mark finished HTML so later steps leave it alone.
  const hold = (html) => `\uE000${held.push(html) - 1}\uE001`;
  let s = String(text ?? '');
  s = s.replace(/```([\s\S]*?)```/g, (_, code) =>
    hold(`<pre class="code-block">${escapeHtml(decodeSlack(code.replace(/^\n/, '')))}</pre>`),
  );
  s = s.replace(/`([^`\n]+)`/g, (_, code) => hold(`<code>${escapeHtml(decodeSlack(code))}</code>`));
  s = s.replace(/<([^<>\n]+)>/g, (_, inner) => hold(angle(inner, ctx)));
  s = escapeHtml(decodeSlack(s))
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1<strong>$2</strong>')
    .replace(/(^|[^\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])/g, '$1<em>$2</em>')
    .replace(/(^|[^\w~])~(?=\S)([^~\n]*?\S)~(?![\w~])/g, '$1<del>$2</del>');
  // Emoji last: the RAG dots are HTML, which the formatting above must not touch.
  s = emojify(s);
  return lines(s).replace(/\uE000(\d+)\uE001/g, (_, i) => held[Number(i)]);
}

/** Plain text objects: escaped, with emoji. */
export function plainText(text) {
  return emojify(escapeHtml(text ?? ''));
}

function angle(inner, ctx) {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decodeSlack(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    const name = ctx.people.get(target.slice(1)) ?? label ?? target.slice(1);
    return `<span class="mention">@${escapeHtml(name)}</span>`;
  }
  if (target.startsWith('#')) {
    const name = ctx.channels.get(target.slice(1)) ?? label ?? target.slice(1);
    return `<span class="mention">#${escapeHtml(name)}</span>`;
  }
  if (target.startsWith('!'))
    return `<span class="mention">${escapeHtml(special(target.slice(1), label))}</span>`;
  if (/^(https?:|mailto:)/i.test(target)) {
    const href = decodeSlack(target);
    return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label ?? href)}</a>`;
  }
  return escapeHtml(decodeSlack(`<${inner}>`));
}

function special(word, label) {
  if (/^(here|channel|everyone)$/.test(word)) return `@${word}`;
  return label ?? word.split('^')[0];
}

/** Line by line: quotes and bullets get their own shape, other lines keep their breaks. */
function lines(s) {
  return s
    .split('\n')
    .map((line) => {
      if (/^&gt;/.test(line)) return `<blockquote>${line.replace(/^&gt;\s?/, '')}</blockquote>`;
      const bullet = /^\s*([•◦▪-]|\d{1,2}[.)])\s+(.*)$/.exec(line);
      if (bullet)
        return `<div class="li"><span class="bullet">${bullet[1] === '-' ? '•' : bullet[1]}</span><span>${bullet[2]}</span></div>`;
      return line.trim() === '' ? '<div class="blank"></div>' : `<div class="line">${line}</div>`;
    })
    .join('');
}
