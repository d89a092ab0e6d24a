// "Your answer": paint cells "yes" or "if need be" (or erase) with a mouse, on touch, with the
// keyboard (arrows, then Space), or without dragging at all (the range form below the grid).
import { t } from './i18n.js';
import { clock, local } from './time.js';
import { cellName, columnName, table } from './grid.js';
import { field, h } from './dom.js';

const LABEL = { yes: 'paint.cellYes', ifneedbe: 'paint.cellIfNeedBe', undefined: 'paint.cellEmpty' };

export function paintGrid(model, marks, onChange) {
  let mode = 'yes';
  let painting = null;
  const cellsByIndex = new Map();

  function show(el, index) {
    const mark = marks.get(index);
    el.className = `paint ${mark || 'empty'}`;
    el.textContent = mark === 'yes' ? '✓' : mark === 'ifneedbe' ? '?' : '';
    el.setAttribute('aria-label', t(LABEL[mark], { cell: el.dataset.name }));
    el.setAttribute('aria-pressed', String(Boolean(mark)));
  }
  function apply(index, value) {
    if (value === 'erase') marks.delete(index); else marks.set(index, value);
    show(cellsByIndex.get(index), index);
  }
  function toggle(index) {
    apply(index, mode === 'erase' || marks.get(index) === mode ? 'erase' : mode);
    onChange();
  }

  const gridEl = table(model, t('paint.caption'), (p) => {
    const el = h('button', { type: 'button' });
    el.dataset.index = p.index;
    el.dataset.name = cellName(p);
    cellsByIndex.set(p.index, el);
    show(el, p.index);
    return el;
  }, {
    onKey: (e, el) => {
      if (e.key === ' ' || e.key === 'Enter') {
        e.preventDefault();
        toggle(Number(el.dataset.index));
      }
    },
  });
  // Pointer painting: the value is decided on the first cell (paint, or erase if that cell
  // already has the mode's mark) and applied to every cell the pointer then crosses. The grid
  // takes touch gestures for itself (touch-action: none), so the page scrolls from outside it.
  gridEl.classList.add('painting');
  gridEl.addEventListener('pointerdown', (e) => {
    const el = e.target.closest('button[data-index]');
    if (!el || e.button > 0) return;
    e.preventDefault();
    const index = Number(el.dataset.index);
    painting = mode === 'erase' || marks.get(index) === mode ? 'erase' : mode;
    apply(index, painting);
    el.focus({ preventScroll: true });
  });
  gridEl.addEventListener('pointermove', (e) => {
    if (!painting) return;
    const el = document.elementFromPoint(e.clientX, e.clientY)?.closest('button[data-index]');
    if (el && gridEl.contains(el)) apply(Number(el.dataset.index), painting);
  });
  const stop = () => {
    if (painting) {
      painting = null;
      onChange();
    }
  };
  window.addEventListener('pointerup', stop);
  window.addEventListener('pointercancel', stop);
  gridEl.addEventListener('click', (e) => {
    // A keyboard "click" (Enter/Space on a button) is handled in onKey; pointer clicks were painted already.
    if (e.detail === 0) e.preventDefault();
  });

  const modes = h('div', { className: 'modes', role: 'radiogroup', 'aria-label': t('paint.modes') },
    [['yes', t('paint.modeYes')], ['ifneedbe', t('paint.modeIfNeedBe')], ['erase', t('paint.modeErase')]].map(([value, text]) => {
      const input = h('input', { type: 'radio', name: 'paint-mode', value, checked: value === mode,
        onchange: () => { mode = value; } });
      return h('label', { className: `mode ${value}` }, input, ` ${text}`);
    }));

  // The non-drag way: pick a day, a start and an end, and a mark.
  const day = h('select', {}, model.columns.map((d) => h('option', { value: d }, columnName(d, model.weekly).long)));
  const times = [...new Set(model.placed.map((p) => p.time))].sort();
  const endTimes = [...new Set(model.placed.map((p) => p.endTime))].sort();
  const fromSel = h('select', {}, times.map((time) => h('option', { value: time }, clock(time))));
  const toSel = h('select', {}, endTimes.map((time, i) => h('option', { value: time, selected: i === endTimes.length - 1 }, clock(time))));
  const markSel = h('select', {}, h('option', { value: 'yes' }, t('paint.yes')), h('option', { value: 'ifneedbe' }, t('paint.ifNeedBe')),
    h('option', { value: 'erase' }, t('paint.modeErase')));
  const rangeNote = h('p', { className: 'hint', role: 'status' });
  const applyRange = h('button', { type: 'button', onclick: () => {
    let count = 0;
    for (const p of model.placed) {
      const end = p.endDate === p.date ? p.endTime : '24:00';
      if (p.date === day.value && p.time >= fromSel.value && end <= (toSel.value === '00:00' ? '24:00' : toSel.value)) {
        apply(p.index, markSel.value);
        count++;
      }
    }
    rangeNote.textContent = t('paint.marked', { count });
    onChange();
  } }, t('paint.markThese'));
  const rangeForm = h('fieldset', { className: 'range' }, h('legend', {}, t('paint.rangeLegend')),
    h('div', { className: 'row' }, field(t('paint.day'), day), field(t('paint.from'), fromSel), field(t('paint.to'), toSel),
      field(t('paint.mark'), markSel)),
    applyRange, rangeNote);

  // The page lays these out itself: the modes above the grid, the range form below it.
  return { modes, grid: gridEl, range: rangeForm, redraw: () => { for (const [index, el] of cellsByIndex) show(el, index); } };
}

/** Marks from stored windows: a cell is "yes" if a yes window covers it, else "if need be" if one covers it. */
export function marksFrom(model, availability) {
  const marks = new Map();
  for (const p of model.placed) {
    const s = Date.parse(p.cell.start);
    const e = Date.parse(p.cell.end);
    let mark = null;
    for (const w of availability) {
      if (Date.parse(w.start) <= s && e <= Date.parse(w.end)) {
        if (w.preference === 'yes') { mark = 'yes'; break; }
        mark = 'ifneedbe';
      }
    }
    if (mark) marks.set(p.index, mark);
  }
  return marks;
}

/** Marked cells merged into windows, UTC, per preference, in start order. */
export function windowsFrom(model, marks) {
  const sorted = model.placed.filter((p) => marks.has(p.index))
    .sort((a, b) => Date.parse(a.cell.start) - Date.parse(b.cell.start));
  const windows = [];
  for (const p of sorted) {
    const preference = marks.get(p.index);
    const last = windows.findLast((w) => w.preference === preference);
    if (last && last.end === p.cell.start) last.end = p.cell.end;
    else windows.push({ start: p.cell.start, end: p.cell.end, preference });
  }
  return windows;
}

const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const weekday = (date) => DAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];

/**
 * A weekly poll's answer from the marked cells: {day, start, end, preference} in the viewer's
 * zone (the API converts it through the poll's first week), a cell across local midnight
 * split there, touching cells of one day and preference joined.
 */
export function weeklyFrom(model, marks, zone) {
  const pieces = [];
  const sorted = model.placed.filter((p) => marks.has(p.index))
    .sort((a, b) => Date.parse(a.cell.start) - Date.parse(b.cell.start));
  for (const p of sorted) {
    const preference = marks.get(p.index);
    const from = local(p.cell.start, zone);
    const to = local(p.cell.end, zone);
    if (to.date === from.date) {
      pieces.push({ day: weekday(from.date), start: from.time, end: to.time, preference });
    } else {
      pieces.push({ day: weekday(from.date), start: from.time, end: '24:00', preference });
      if (to.time !== '00:00') pieces.push({ day: weekday(to.date), start: '00:00', end: to.time, preference });
    }
  }
  const joined = [];
  for (const piece of pieces) {
    const last = joined.findLast((w) => w.day === piece.day && w.preference === piece.preference);
    if (last && last.end === piece.start) last.end = piece.end;
    else joined.push({ ...piece });
  }
  return joined;
}

export function describe(marks) {
  let yes = 0;
  let maybe = 0;
  for (const v of marks.values()) (v === 'yes' ? yes++ : maybe++);
  return t('paint.summary', { yes, maybe });
}

