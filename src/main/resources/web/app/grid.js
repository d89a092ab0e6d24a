// The grid of cells (the heatmap's cells: one step each inside the proposed windows), laid out
// in a viewer's zone: columns are local dates, rows are local times. In a DST overlap a local
// time occurs twice; its second occurrence gets a row of its own, so no cell is hidden.
// A weekly poll's cells are its first week's; its columns are named by weekday only.
import { h } from './dom.js';
import { t } from './i18n.js';
import { clock, dayName, local, shortDay, shortWeekday, weekdayName } from './time.js';

export function layout(cells, zone, { weekly = false } = {}) {
  const dates = new Set();
  const rowKeys = new Map();
  const placed = cells.map((cell, index) => {
    const s = local(cell.start, zone);
    const e = local(cell.end, zone);
    dates.add(s.date);
    return { index, cell, weekly, date: s.date, time: s.time, endTime: e.time, endDate: e.date };
  });
  const seen = new Map();
  for (const p of placed) {
    const k = `${p.date}|${p.time}`;
    p.occurrence = (seen.get(k) || 0) + 1;
    seen.set(k, p.occurrence);
    rowKeys.set(`${p.time}|${p.occurrence}`, { time: p.time, occurrence: p.occurrence });
  }
  const rows = [...rowKeys.values()].sort((a, b) => a.time.localeCompare(b.time) || a.occurrence - b.occurrence);
  const columns = [...dates].sort();
  const at = new Map(placed.map((p) => [`${p.date}|${p.time}|${p.occurrence}`, p]));
  return { rows, columns, at, placed, weekly };
}

/** A column's long and short names: "Monday 24 March" and "Mon 24 Mar", or "Monday" and "Mon" in a weekly poll. */
export function columnName(date, weekly) {
  return weekly ? { long: weekdayName(date), short: shortWeekday(date) } : { long: dayName(date), short: shortDay(date) };
}

/** "Monday 24 March, 09:00 to 09:15" for a placed cell ("Monday, 09:00 to 09:15" in a weekly poll). */
export function cellName(p) {
  const day = (date) => columnName(date, p.weekly).long;
  const params = { day: day(p.date), start: clock(p.time), end: clock(p.endTime), endDay: day(p.endDate) };
  return t(p.endDate === p.date ? 'grid.cell' : 'grid.cellToDay', params);
}

/**
 * A table with one focusable element per cell (roving tabindex: arrows move, Home/End go
 * to the ends of a row). {@code render(p)} fills a cell and returns its element.
 */
export function table(model, caption, render, { onKey } = {}) {
  const thead = h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, h('span', { className: 'sr-only' }, t('grid.time'))),
    model.columns.map((d) => {
      const name = columnName(d, model.weekly);
      return h('th', { scope: 'col', abbr: name.long }, name.short);
    })));
  const grid = [];
  const tbody = h('tbody', {}, model.rows.map((row, r) => {
    grid.push([]);
    const label = row.occurrence > 1 ? t('grid.again', { time: clock(row.time) }) : clock(row.time);
    return h('tr', {}, h('th', { scope: 'row' }, label), model.columns.map((date, c) => {
      const p = model.at.get(`${date}|${row.time}|${row.occurrence}`);
      if (!p) {
        grid[r].push(null);
        return h('td', { className: 'none' });
      }
      const el = render(p);
      el.dataset.row = r;
      el.dataset.col = c;
      el.tabIndex = -1;
      grid[r].push(el);
      return h('td', {}, el);
    }));
  }));
  const first = grid.flat().find(Boolean);
  if (first) first.tabIndex = 0;
  const tableEl = h('table', { className: 'cells' }, h('caption', {}, caption), thead, tbody);
  tableEl.addEventListener('keydown', (e) => {
    const from = e.target.closest('[data-row]');
    if (!from) return;
    const r = Number(from.dataset.row);
    const c = Number(from.dataset.col);
    // Right to left, the days run from the right: the arrows move the way they point.
    const ahead = document.documentElement.dir === 'rtl' ? -1 : 1;
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -ahead], ArrowRight: [0, ahead] };
    let target = null;
    if (moves[e.key]) {
      let [nr, nc] = [r + moves[e.key][0], c + moves[e.key][1]];
      while (nr >= 0 && nr < grid.length && nc >= 0 && nc < model.columns.length) {
        if (grid[nr][nc]) { target = grid[nr][nc]; break; }
        nr += moves[e.key][0];
        nc += moves[e.key][1];
      }
    } else if (e.key === 'Home') {
      target = grid[r].find(Boolean);
    } else if (e.key === 'End') {
      target = [...grid[r]].reverse().find(Boolean);
    } else if (onKey) {
      onKey(e, from);
      return;
    } else {
      return;
    }
    e.preventDefault();
    if (target) {
      from.tabIndex = -1;
      target.tabIndex = 0;
      target.focus();
    }
  });
  return h('div', { className: 'scroll' }, tableEl);
}
