// Building the page from data: every text goes in as a text node, never as markup.

/**
 * h('a', {href: '#/x', class: 'row', onclick: fn, 'aria-label': '…'}, 'text', child, …)
 * Props named on… are listeners; class, text and value are set directly; others are attributes.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'value') {
      el.value = value;
    } else if (key === 'checked' || key === 'selected' || key === 'disabled') {
      el[key] = Boolean(value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces the children of an element. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A select with options [{value, label}], the current value selected. */
export function select(props, options, current) {
  return h('select', props, options.map((o) => h('option', {value: o.value, selected: o.value === current}, o.label)));
}

/** Tells screen readers what happened. */
export function announce(text) {
  const live = document.getElementById('live');
  if (live) live.textContent = text;
}
