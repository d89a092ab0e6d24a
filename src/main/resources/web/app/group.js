// The group part of a poll page: the best times and the heatmap of who can come when.
import { call, events, problemText } from './api.js';
import { field, h, replace } from './dom.js';
import { cellName, table } from './grid.js';
import { loadSlots } from './poll-data.js';
import { locale, number, t } from './i18n.js';
import { range } from './time.js';

/**
 * "When the group can meet": the best times (with filters that redraw only the list) and
 * the heatmap. On the manage page with the manage key, each time can be picked.
 */
export function groupSection(page) {
  const { state } = page;
  const { model } = state;
  const canManage = Boolean(state.manage && state.admin);
  const hm = state.heatmap;
  const names = hm.participants.map((p) => (p.required ? t('group.required', { name: p.name }) : p.name));
  const details = h('div', { className: 'details', 'aria-live': 'polite' }, t('group.hover'));
  const total = hm.participantCount;
  const level = (c) => (total === 0 ? 0 : Math.ceil(((c.availableCount + 0.5 * c.ifNeedBeCount) / total) * 5));
  // Hover previews a cell; focus or a click pins it, so the organiser can reach "Pick" below.
  let pinned = null;
  const cellAt = new Map(hm.cells.map((c, i) => [c.start, i]));
  const fits = (index) => {
    // A meeting may start here if the cells after it reach its end without a gap (one merged window).
    let end = hm.cells[index].end;
    const wanted = Date.parse(hm.cells[index].start) + state.event.durationMinutes * 60000;
    while (Date.parse(end) < wanted) {
      const next = cellAt.get(end);
      if (next === undefined) return false;
      end = hm.cells[next].end;
    }
    return Date.parse(end) >= wanted;
  };
  const show = (p) => {
    const c = p.cell;
    const yes = c.available.map((i) => names[i]);
    const maybe = c.ifNeedBe.map((i) => names[i]);
    const no = names.filter((_, i) => !c.available.includes(i) && !c.ifNeedBe.includes(i));
    const end = new Date(Date.parse(c.start) + state.event.durationMinutes * 60000).toISOString().replace('.000Z', 'Z');
    replace(details, h('strong', {}, cellName(p)),
      h('p', {}, t('group.cellAvailable', { count: yes.length, names: nameList(yes) })),
      h('p', {}, t('group.cellIfNeedBe', { count: maybe.length, names: nameList(maybe) })),
      h('p', {}, t('group.cellUnavailable', { count: no.length, names: nameList(no) })),
      canManage && state.event.status !== 'final' && fits(p.index) ? h('button', { type: 'button', onclick: () => pick(page, c.start) },
        t('group.pickCell', { when: range(c.start, end, state.zone, { weekly: model.weekly }) })) : null);
  };
  const heat = table(model, t('group.caption', { total }), (p) => {
    const c = p.cell;
    const el = h('span', { className: `heat h${level(c)}${c.ifNeedBeCount ? ' maybe' : ''}`, role: 'button',
      'aria-label': t('group.cellLabel', { cell: cellName(p), yes: c.availableCount, maybe: c.ifNeedBeCount,
        no: total - c.availableCount - c.ifNeedBeCount }) },
    number(c.availableCount), c.ifNeedBeCount ? h('small', {}, `+${number(c.ifNeedBeCount)}?`) : '');
    el.addEventListener('mouseenter', () => { if (!pinned) show(p); });
    el.addEventListener('focus', () => { pinned = p; show(p); });
    el.addEventListener('click', () => { pinned = p; show(p); });
    return el;
  }, { onKey: (e, el) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); el.click(); } } });
  heat.addEventListener('mouseleave', () => { if (!pinned) replace(details, t('group.hover')); });
  const legend = h('ul', { className: 'legend', 'aria-label': t('group.legend') },
    [0, 1, 2, 3, 4, 5].map((l) => h('li', {}, h('span', { className: `swatch heat h${l}`, 'aria-hidden': 'true' }),
      l === 0 ? t('group.nobody') : l === 5 ? t('group.everyone') : t('group.share', { from: l * 20 - 19, to: l * 20 }))),
    h('li', {}, h('span', { className: 'swatch heat h3 maybe', 'aria-hidden': 'true' }, h('small', {}, '+1?')),
      t('group.striped')));

  const minInput = h('input', { type: 'number', min: 0, max: Math.max(total, 0), value: state.minAvailable, inputmode: 'numeric' });
  minInput.addEventListener('change', async () => {
    state.minAvailable = Math.max(0, Number(minInput.value) || 0);
    await loadSlots(state);
    replace(list, slotItems(page, canManage));
  });
  const hide = h('input', { type: 'checkbox', checked: state.hideIfNeedBe });
  hide.addEventListener('change', () => {
    state.hideIfNeedBe = hide.checked;
    replace(list, slotItems(page, canManage));
  });
  const list = h('div', {}, slotItems(page, canManage));
  // The same panes as the answer: the heatmap lines up with the answer grid beside it, and
  // who can come at the cell in focus (with "Pick") follows right under it. The best times
  // follow too on the participant's page; on the manage page they come first, so the
  // organiser picks without scrolling past the heatmap.
  const best = [h('h3', {}, t('group.best')),
    h('div', { className: 'filters' }, field(t('group.minAttending'), minInput),
      h('label', { className: 'check' }, hide, ' ', t('group.hideIfNeedBe'))),
    list];
  return h('section', { className: 'group pane', 'aria-labelledby': 'group-h' },
    h('div', { className: 'pane-head' },
      h('h2', { id: 'group-h' }, t('group.heading')),
      state.manage ? best : null,
      h('div', {}, h('h3', {}, t('group.heatmap')), legend)),
    h('div', { className: 'pane-grid' }, heat),
    h('div', { className: 'pane-tail' }, details, state.manage ? null : best),
    h('div', { className: 'pane-after' }));
}

/** Names as a list in the reader's language ("Ana, Bo, Cy"; "Ana、Bo、Cy"), or "nobody". */
function nameList(names) {
  return names.length ? new Intl.ListFormat(locale(), { type: 'unit' }).format(names) : t('group.nobody');
}

function slotItems(page, canManage) {
  const { state } = page;
  const slots = state.slots.recommendations.filter((s) => !state.hideIfNeedBe || s.ifNeedBeCount === 0);
  if (slots.length === 0) {
    return h('p', { className: 'note' }, state.slots.emptyReason === 'no-participants' || state.slots.participantCount === 0
      ? t('group.noAnswers') : t('group.noFit'));
  }
  const duration = state.event.durationMinutes;
  return h('ol', { className: 'slots' }, slots.map((s) => {
    const required = new Set(state.heatmap.participants.filter((p) => p.required).map((p) => p.id));
    const names = (people) => nameList(people.map((p) => (required.has(p.id) ? t('group.required', { name: p.name }) : p.name)));
    const isFinal = state.event.final && state.event.final.start === s.start;
    return h('li', { className: `slot${s.rank === 1 ? ' best' : ''}` },
      h('p', { className: 'when' }, range(s.start, s.end, state.zone, { weekly: state.event.kind === 'weekly' }), s.rank === 1 ? h('span', { className: 'badge' }, t('group.badgeBest')) : '',
        isFinal ? h('span', { className: 'badge final' }, t('group.badgeChosen')) : ''),
      h('p', {}, t('group.counts', { yes: s.availableCount, maybe: s.ifNeedBeCount, no: s.unavailableCount })),
      s.available.length ? h('p', { className: 'who' }, t('group.whoYes', { names: names(s.available) })) : null,
      s.ifNeedBe.length ? h('p', { className: 'who' }, t('group.whoIfNeedBe', { names: names(s.ifNeedBe) })) : null,
      s.unavailable.length ? h('p', { className: 'who' }, t('group.whoNo', { names: names(s.unavailable) })) : null,
      s.requiredUnavailable.length ? h('p', { className: 'warning' }, t('group.requiredNo', { names: names(s.requiredUnavailable) })) : null,
      s.partial.length ? h('p', { className: 'who' }, s.partial.map((p) => t('group.partial', { name: p.name, free: p.minutesFree, duration })).join(t('group.separator'))) : null,
      s.outsideHours.length ? h('p', { className: 'who' }, t('group.outsideHours', { names: names(s.outsideHours) })) : null,
      canManage ? h('button', { type: 'button', onclick: () => pick(page, s.start) },
        isFinal ? t('group.picked') : t('group.pick')) : null);
  }));
}

async function pick(page, start) {
  const { state, main } = page;
  try {
    await call('PUT', `${events(state.id)}/final`, { token: state.admin, body: { start } });
    await page.refresh();
    main.querySelector('section.final h2')?.focus();
  } catch (error) {
    alertIn(main, t('group.pickFailed', { problem: problemText(error) }));
  }
}

function alertIn(main, text) {
  const box = main.querySelector('.manage-status') || main.querySelector('.status');
  if (box) box.textContent = text;
}
