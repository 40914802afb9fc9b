/**
 * A tiny element builder, so the page never assembles HTML from strings except for mrkdwn,
 * which mrkdwn.js escapes itself.
 * h('button', { class: 'x', onclick: fn, dataset: { id: 1 } }, 'text', child)
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = value;
    else if (key === 'html') element.innerHTML = value;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (value === true) element.setAttribute(key, '');
    else element.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Initials for an avatar: 'Sarah Ahmed' → 'SA'. */
export function initials(name) {
  return String(name)
    .split(/[\s.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0].toUpperCase())
    .join('');
}

/** A stable colour class for a person, so each face keeps its colour. */
export function colourClass(id) {
  let sum = 0;
  for (const ch of String(id)) sum = (sum + ch.charCodeAt(0)) % 6;
  return `av${sum}`;
}
