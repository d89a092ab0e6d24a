// A tiny element builder: text always goes in as text, never as markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'className') el.className = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A labelled field: label, the control, and an optional hint tied to it. */
export function field(label, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const hintEl = hint ? h('p', { className: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { className: 'field' }, h('label', { for: id }, label), control, hintEl);
}

/** A message region that screen readers announce when it changes. */
export function status(className = 'status') {
  return h('div', { className, role: 'status', 'aria-live': 'polite' });
}

export function zonePicker(value, onChange, zones) {
  const listId = `zones-${Math.random().toString(36).slice(2, 7)}`;
  const input = h('input', { type: 'text', list: listId, value, autocomplete: 'off', spellcheck: 'false' });
  const list = h('datalist', { id: listId }, zones.map((z) => h('option', { value: z })));
  input.addEventListener('change', () => onChange(input.value.trim(), input));
  return { input, list };
}

/**
 * A page made of named parts, each drawn by its own function between two comment markers,
 * so that one part can be redrawn without touching the others (their focus, scroll and
 * inputs stay). A part may draw one node, several, or nothing.
 */
export function mountParts(container, parts) {
  const marks = new Map();
  container.replaceChildren();
  for (const [name, draw] of parts) {
    const start = document.createComment(` ${name} `);
    const end = document.createComment(` /${name} `);
    container.append(start, end);
    marks.set(name, { start, end, draw });
  }
  const nodesOf = (part) => {
    const nodes = [];
    for (let n = part.start.nextSibling; n && n !== part.end; n = n.nextSibling) nodes.push(n);
    return nodes;
  };
  /** Whether the part holds this element. */
  const holds = (name, el) => {
    const part = marks.get(name);
    return Boolean(part && el && nodesOf(part).some((n) => n.contains(el)));
  };
  /**
   * Redraws the named parts (parts not on this page are ignored), or every part when none is
   * named. Focus inside a redrawn part moves to the same control in the new drawing (same
   * id, or same data-index, or same place among its focusable elements), without scrolling.
   */
  const redraw = (...names) => {
    for (const name of names.length ? names : [...marks.keys()]) {
      const part = marks.get(name);
      if (!part) continue;
      const focused = holds(name, document.activeElement) ? focusKey(nodesOf(part), document.activeElement) : null;
      for (const n of nodesOf(part)) n.remove();
      const nodes = [part.draw()].flat().filter((n) => n !== null && n !== undefined && n !== false);
      part.end.before(...nodes);
      if (focused) refocus(nodes, focused);
    }
  };
  redraw();
  return { redraw, holds };
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** The focusable elements among and inside {@code nodes}, in document order. */
function focusables(nodes) {
  return nodes.flatMap((n) => (n instanceof Element ? [...(n.matches(FOCUSABLE) ? [n] : []), ...n.querySelectorAll(FOCUSABLE)] : []));
}

function focusKey(nodes, el) {
  if (el.id) return { id: el.id };
  if (el.dataset.index !== undefined) return { index: el.dataset.index, tag: el.tagName };
  return { nth: focusables(nodes).indexOf(el) };
}

function refocus(nodes, key) {
  const all = focusables(nodes);
  const target = key.id ? all.find((e) => e.id === key.id)
    : key.index !== undefined ? all.find((e) => e.tagName === key.tag && e.dataset.index === key.index)
      : all[key.nth];
  target?.focus({ preventScroll: true });
}
