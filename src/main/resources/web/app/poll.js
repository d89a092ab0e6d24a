// "/e/{id}" (participate and see the group) and "/e/{id}/manage" (the organiser's page).
import { ApiError, call, events } from './api.js';
import { field, h, replace, status, zonePicker } from './dom.js';
import { cellName, layout, table } from './grid.js';
import { describe, marksFrom, paintGrid, windowsFrom } from './paint.js';
import { adminToken, forget, myAnswer, saveMyAnswer, saveViewZone, viewZone } from './store.js';
import { allZones, browserZone, isZone, range } from './time.js';

export async function renderPoll(main, id, manage) {
  const state = { id, manage, zone: viewZone() && isZone(viewZone()) ? viewZone() : browserZone(), minAvailable: 0,
    hideIfNeedBe: false };
  state.admin = adminToken(id);
  try {
    await load(state);
  } catch (error) {
    replace(main, h('h1', {}, error.status === 404 ? 'No such poll' : 'The poll could not be loaded'),
      h('p', {}, error.status === 404 ? 'The link may be mistyped, or the poll was deleted.' : error.message),
      h('p', {}, h('a', { href: '/' }, 'Create a poll')));
    return;
  }
  draw(main, state);
  // For the page benchmark (bench/pages.sh): the first frame after the whole page is built.
  requestAnimationFrame(() => performance.mark('slotpoll:rendered'));
}

async function load(state) {
  const zone = encodeURIComponent(state.zone);
  const [event, heatmap, participants] = await Promise.all([
    call('GET', events(state.id)),
    call('GET', `${events(state.id)}/heatmap?timezone=${zone}`),
    call('GET', `${events(state.id)}/participants`),
  ]);
  state.event = event.body;
  state.heatmap = heatmap.body;
  state.participants = participants.body;
  await loadSlots(state);
}

async function loadSlots(state) {
  state.slots = (await call('GET', `${events(state.id)}/recommendations?limit=10&timezone=${encodeURIComponent(state.zone)}`
    + `&minAvailable=${state.minAvailable}`)).body;
}

function draw(main, state) {
  const e = state.event;
  document.title = `${e.title} · slotpoll`;
  const canManage = state.manage && state.admin;
  // The cells in the viewer's zone, laid out once for the answer grid and the heatmap alike.
  const model = layout(state.heatmap.cells, state.zone);
  replace(main,
    h('h1', {}, e.title),
    e.description ? h('p', { className: 'description' }, e.description) : null,
    h('p', { className: 'meta' }, `${e.durationMinutes}-minute meeting · poll in ${e.timezone} · `,
      e.status === 'open' ? 'open for answers' : e.status === 'closed' ? 'closed' : 'final',
      e.deadline ? ` · answers close ${range(e.deadline, e.deadline, state.zone).split(' to ')[0]}` : ''),
    e.final ? finalBanner(state) : null,
    state.manage ? (canManage ? shareBox(state) : h('p', { className: 'warning', role: 'alert' },
      'This browser does not hold the manage key for this poll. Open the manage link you were given.')) : null,
    zoneBox(main, state),
    e.status === 'open' ? answerSection(main, state, model) : h('p', { className: 'note' },
      e.status === 'final' ? 'The time is fixed; answers can no longer change.' : 'The poll is closed; answers can no longer change.'),
    groupSection(main, state, model, canManage),
    canManage ? manageSection(main, state) : null);
}

function finalBanner(state) {
  const e = state.event;
  return h('section', { className: 'final', 'aria-labelledby': 'final-h' },
    h('h2', { id: 'final-h', tabindex: '-1' }, 'The meeting is set'),
    h('p', { className: 'when' }, range(e.final.start, e.final.end, state.zone), h('span', { className: 'zone' }, ` (${state.zone})`)),
    state.zone !== e.timezone ? h('p', { className: 'hint' }, `In the poll’s zone: ${range(e.final.start, e.final.end, e.timezone)} (${e.timezone})`) : null,
    h('p', { className: 'actions' },
      h('a', { href: `${events(e.id)}/calendar.ics`, download: `slotpoll-${e.id}.ics`, className: 'button' }, 'Download .ics'),
      h('a', { href: e.links.googleCalendar, rel: 'noopener noreferrer', target: '_blank', className: 'button' }, 'Add to Google Calendar'),
      h('a', { href: e.links.outlookCalendar, rel: 'noopener noreferrer', target: '_blank', className: 'button' }, 'Add to Outlook')));
}

function shareBox(state) {
  const share = `${location.origin}/e/${state.id}`;
  const manageLink = `${location.origin}/e/${state.id}/manage#admin=${state.admin}`;
  const note = status('hint');
  const copy = (text, what) => async () => {
    try {
      await navigator.clipboard.writeText(text);
      note.textContent = `${what} copied.`;
    } catch {
      note.textContent = `Copy failed: select the ${what.toLowerCase()} and copy it by hand.`;
    }
  };
  const shareInput = h('input', { type: 'text', readonly: true, value: share, className: 'link-box' });
  const manageInput = h('input', { type: 'text', readonly: true, value: manageLink, className: 'link-box' });
  return h('section', { className: 'share', 'aria-labelledby': 'share-h' },
    h('h2', { id: 'share-h' }, 'Share the poll'),
    field('Send this link to participants', shareInput),
    h('button', { type: 'button', onclick: copy(share, 'Share link') }, 'Copy share link'),
    field('Your manage link', manageInput,
      'This link is the key to the poll: whoever has it can change, finalize or delete it. Keep it to yourself.'),
    h('button', { type: 'button', onclick: copy(manageLink, 'Manage link') }, 'Copy manage link'),
    note);
}

function zoneBox(main, state) {
  const picker = zonePicker(state.zone, async (value, input) => {
    if (!isZone(value)) {
      input.setCustomValidity('Not a known time zone');
      input.reportValidity();
      return;
    }
    input.setCustomValidity('');
    state.zone = value;
    saveViewZone(value);
    await load(state);
    draw(main, state);
    document.getElementById('zone-input')?.focus();
  }, allZones());
  picker.input.id = 'zone-input';
  return h('div', { className: 'zone-box' },
    field('Show times in', picker.input, `Your browser says ${browserZone()}; the poll was made in ${state.event.timezone}.`),
    picker.list);
}

function answerSection(main, state, model) {
  const mine = myAnswer(state.id);
  const me = mine ? state.participants.find((p) => p.id === mine.participantId) : null;
  const marks = me ? marksFrom(model, me.availability) : new Map();
  let version = me ? me.version : null;
  const summary = h('p', { className: 'hint', 'aria-live': 'polite' }, describe(marks));
  const paint = paintGrid(model, marks, () => { summary.textContent = describe(marks); });
  const name = h('input', { type: 'text', maxlength: 100, value: me ? me.name : '', autocomplete: 'name', required: true });
  const hoursStart = h('input', { type: 'time', step: 300, value: me?.localHours?.start || '' });
  const hoursEnd = h('input', { type: 'time', step: 300, value: me?.localHours?.end === '24:00' ? '00:00' : me?.localHours?.end || '' });
  const message = status('status');

  async function save(ev) {
    ev.preventDefault();
    const availability = windowsFrom(model, marks);
    const localHours = hoursStart.value || hoursEnd.value
      ? { start: hoursStart.value, end: hoursEnd.value === '00:00' ? '24:00' : hoursEnd.value } : null;
    message.textContent = 'Saving…';
    try {
      if (!me && !myAnswer(state.id)) {
        const created = (await call('POST', `${events(state.id)}/participants`,
          { body: { name: name.value, timezone: state.zone, availability, localHours } })).body;
        saveMyAnswer(state.id, created.id, created.editToken);
      } else {
        const { participantId, token } = myAnswer(state.id);
        const path = `${events(state.id)}/participants/${participantId}`;
        const put = await call('PUT', `${path}/availability`, { token,
          headers: { 'If-Match': `"${version}"` }, body: { timezone: state.zone, availability } });
        version = put.body.version;
        if (name.value !== me.name || JSON.stringify(localHours) !== JSON.stringify(me.localHours)) {
          await call('PATCH', path, { token, headers: { 'If-Match': `"${version}"` }, body: { name: name.value, localHours } });
        }
      }
      await load(state);
      draw(main, state);
      document.getElementById('answer-status').textContent = 'Saved.';
    } catch (error) {
      if (error.status === 412) {
        message.textContent = 'This answer was changed elsewhere (another tab or device) since you opened it. '
          + 'Your cells here are kept: reload to see the other version, or save again to overwrite it.';
        version = null;
        try {
          const fresh = (await call('GET', `${events(state.id)}/participants/${myAnswer(state.id).participantId}`)).body;
          version = fresh.version;
        } catch {
          // keep the message; a second save will report what happens
        }
      } else {
        message.textContent = error instanceof ApiError ? ['Not saved.', error.message, ...error.fields()].join(' ')
          : `Not saved: ${error.message}`;
      }
    }
  }
  message.id = 'answer-status';
  const fill = fromCalendar(state, model, marks, () => { paint.redraw(); summary.textContent = describe(marks); });
  const editLink = mine ? `${location.origin}/e/${state.id}#edit=${mine.participantId}.${mine.token}` : null;
  return h('section', { className: 'answer', 'aria-labelledby': 'answer-h' },
    h('h2', { id: 'answer-h' }, me ? 'Your answer' : 'Add your answer'),
    h('form', { onsubmit: save, novalidate: true },
      field('Your name', name),
      h('div', { className: 'row' }, field('Your local hours from (optional)', hoursStart), field('to', hoursEnd)),
      h('p', { className: 'hint' }, `Cells are ${state.event.slotStepMinutes} minutes in ${state.zone}. Drag, or use the arrow keys and Space.`),
      fill,
      paint.element, summary,
      h('button', { type: 'submit', className: 'primary' }, me ? 'Save changes' : 'Save my answer'),
      message),
    editLink ? field('To change your answer from another device, open this link there (keep it private)',
      h('input', { type: 'text', readonly: true, value: editLink, className: 'link-box' })) : null);
}

/**
 * "Fill from my calendar": an .ics file or a feed URL becomes marks in the grid (free time
 * "yes", tentative time "if need be"), for the person to review and change before saving.
 * The file and the URL go to the API once and are kept nowhere.
 */
function fromCalendar(state, model, marks, changed) {
  const note = status('hint');
  const file = h('input', { type: 'file', accept: '.ics,text/calendar' });
  const url = h('input', { type: 'url', placeholder: 'https://… or webcal://…', autocomplete: 'off', spellcheck: 'false' });
  const path = `${events(state.id)}/availability-from-calendar?timezone=${encodeURIComponent(state.zone)}`;
  const apply = (availability) => {
    marks.clear();
    for (const [index, mark] of marksFrom(model, availability)) marks.set(index, mark);
    changed();
    note.textContent = `${describe(marks)} from your calendar. Check the grid, change anything, then save.`;
  };
  const run = (request) => async () => {
    note.textContent = 'Reading your calendar…';
    try {
      apply((await request()).body.availability);
    } catch (error) {
      note.textContent = `Your calendar could not be used: ${error.message}`;
    }
  };
  return h('details', { className: 'from-calendar' }, h('summary', {}, 'Fill from my calendar'),
    h('p', { className: 'hint' }, 'Your busy time is left out; tentative events become “if need be”. Nothing is saved until you save.'),
    field('An .ics file exported from your calendar', file),
    h('button', { type: 'button', onclick: run(() => {
      if (!file.files.length) throw new Error('choose a file first');
      return call('POST', path, { raw: file.files[0], rawType: 'text/calendar' });
    }) }, 'Read the file'),
    field('Or the address of your calendar feed (kept private, never stored)', url),
    h('button', { type: 'button', onclick: run(() => call('POST', path, { body: { url: url.value.trim() } })) }, 'Fetch the feed'),
    note);
}

function groupSection(main, state, model, canManage) {
  const hm = state.heatmap;
  const names = hm.participants.map((p) => p.name + (p.required ? ' (required)' : ''));
  const details = h('div', { className: 'details', 'aria-live': 'polite' }, 'Hover over or focus a cell to see who can come.');
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
      h('p', {}, `Available (${yes.length}): ${yes.join(', ') || 'nobody'}`),
      h('p', {}, `If need be (${maybe.length}): ${maybe.join(', ') || 'nobody'}`),
      h('p', {}, `Unavailable (${no.length}): ${no.join(', ') || 'nobody'}`),
      canManage && state.event.status !== 'final' && fits(p.index) ? h('button', { type: 'button', onclick: () => pick(main, state, c.start) },
        `Pick ${range(c.start, end, state.zone)}`) : null);
  };
  const heat = table(model, `Group availability: ${total} participant${total === 1 ? '' : 's'}`, (p) => {
    const c = p.cell;
    const el = h('span', { className: `heat h${level(c)}${c.ifNeedBeCount ? ' maybe' : ''}`, role: 'button',
      'aria-label': `${cellName(p)}: ${c.availableCount} available, ${c.ifNeedBeCount} if need be, `
        + `${total - c.availableCount - c.ifNeedBeCount} unavailable` },
    String(c.availableCount), c.ifNeedBeCount ? h('small', {}, `+${c.ifNeedBeCount}?`) : '');
    el.addEventListener('mouseenter', () => { if (!pinned) show(p); });
    el.addEventListener('focus', () => { pinned = p; show(p); });
    el.addEventListener('click', () => { pinned = p; show(p); });
    return el;
  }, { onKey: (e, el) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); el.click(); } } });
  heat.addEventListener('mouseleave', () => { if (!pinned) replace(details, 'Hover over or focus a cell to see who can come.'); });
  const legend = h('ul', { className: 'legend', 'aria-label': 'Legend' },
    [0, 1, 2, 3, 4, 5].map((l) => h('li', {}, h('span', { className: `swatch heat h${l}`, 'aria-hidden': 'true' }),
      l === 0 ? 'nobody' : l === 5 ? 'everyone' : `${l * 20 - 19}–${l * 20}%`)),
    h('li', {}, h('span', { className: 'swatch heat h3 maybe', 'aria-hidden': 'true' }, h('small', {}, '+1?')),
      'striped, with “+n?”: some only if need be'));

  const minInput = h('input', { type: 'number', min: 0, max: Math.max(total, 0), value: state.minAvailable, inputmode: 'numeric' });
  minInput.addEventListener('change', async () => {
    state.minAvailable = Math.max(0, Number(minInput.value) || 0);
    await loadSlots(state);
    replace(list, slotItems(main, state, canManage));
  });
  const hide = h('input', { type: 'checkbox', checked: state.hideIfNeedBe });
  hide.addEventListener('change', () => {
    state.hideIfNeedBe = hide.checked;
    replace(list, slotItems(main, state, canManage));
  });
  const list = h('div', {}, slotItems(main, state, canManage));
  return h('section', { className: 'group', 'aria-labelledby': 'group-h' },
    h('h2', { id: 'group-h' }, 'When the group can meet'),
    h('div', { className: 'filters' }, field('At least this many attending', minInput),
      h('label', { className: 'check' }, hide, ' Hide times that need someone’s “if need be”')),
    h('h3', {}, 'Best times'), list,
    h('h3', {}, 'Heatmap'), legend, heat, details);
}

function slotItems(main, state, canManage) {
  const slots = state.slots.recommendations.filter((s) => !state.hideIfNeedBe || s.ifNeedBeCount === 0);
  if (slots.length === 0) {
    return h('p', { className: 'note' }, state.slots.emptyReason === 'no-participants' || state.slots.participantCount === 0
      ? 'Nobody has answered yet.' : 'No time fits these filters.');
  }
  const duration = state.event.durationMinutes;
  return h('ol', { className: 'slots' }, slots.map((s) => {
    const required = new Set(state.heatmap.participants.filter((p) => p.required).map((p) => p.id));
    const names = (list) => list.map((p) => (required.has(p.id) ? `${p.name} (required)` : p.name)).join(', ');
    const isFinal = state.event.final && state.event.final.start === s.start;
    return h('li', { className: `slot${s.rank === 1 ? ' best' : ''}` },
      h('p', { className: 'when' }, range(s.start, s.end, state.zone), s.rank === 1 ? h('span', { className: 'badge' }, 'best') : '',
        isFinal ? h('span', { className: 'badge final' }, 'chosen') : ''),
      h('p', {}, `${s.availableCount} available, ${s.ifNeedBeCount} if need be, ${s.unavailableCount} unavailable`),
      s.available.length ? h('p', { className: 'who' }, `Yes: ${names(s.available)}`) : null,
      s.ifNeedBe.length ? h('p', { className: 'who' }, `If need be: ${names(s.ifNeedBe)}`) : null,
      s.unavailable.length ? h('p', { className: 'who' }, `Can’t: ${names(s.unavailable)}`) : null,
      s.requiredUnavailable.length ? h('p', { className: 'warning' }, `Required but unavailable: ${names(s.requiredUnavailable)}`) : null,
      s.partial.length ? h('p', { className: 'who' }, s.partial.map((p) => `${p.name} free ${p.minutesFree} of ${duration} min`).join('; ')) : null,
      s.outsideHours.length ? h('p', { className: 'who' }, `Outside local hours: ${names(s.outsideHours)}`) : null,
      canManage ? h('button', { type: 'button', onclick: () => pick(main, state, s.start) },
        isFinal ? 'Picked' : 'Pick this time') : null);
  }));
}

async function pick(main, state, start) {
  try {
    await call('PUT', `${events(state.id)}/final`, { token: state.admin, body: { start } });
    await load(state);
    draw(main, state);
    main.querySelector('section.final h2')?.focus();
  } catch (error) {
    alertIn(main, `Could not pick this time: ${error.message}`);
  }
}

function alertIn(main, text) {
  const box = main.querySelector('.manage-status') || main.querySelector('.status');
  if (box) box.textContent = text;
}

function manageSection(main, state) {
  const e = state.event;
  const token = state.admin;
  const message = status('status manage-status');
  const act = (fn) => async () => {
    try {
      await fn();
      await load(state);
      draw(main, state);
      main.querySelector('.manage-status').textContent = 'Done.';
    } catch (error) {
      message.textContent = error instanceof ApiError ? [error.message, ...error.fields()].join(' ') : error.message;
    }
  };
  const people = h('table', { className: 'people' }, h('caption', {}, 'Participants'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Time zone'), h('th', { scope: 'col' }, 'Required'))),
    h('tbody', {}, state.participants.map((p) => {
      const box = h('input', { type: 'checkbox', checked: p.required, 'aria-label': `${p.name} is required`,
        disabled: e.status !== 'open' });
      box.addEventListener('change', act(() => call('PATCH', `${events(state.id)}/participants/${p.id}`,
        { token, body: { required: box.checked } })));
      return h('tr', {}, h('th', { scope: 'row' }, p.name), h('td', {}, p.timezone), h('td', {}, box));
    })));
  const deadline = h('input', { type: 'datetime-local', step: 60 });
  const buttons = [];
  if (e.status === 'final') {
    buttons.push(h('button', { type: 'button', onclick: act(() => call('DELETE', `${events(state.id)}/final`, { token })) },
      'Undo the chosen time'));
  } else {
    buttons.push(h('button', { type: 'button', onclick: act(() => call('PATCH', events(state.id),
      { token, body: { status: e.status === 'open' ? 'closed' : 'open' } })) }, e.status === 'open' ? 'Close the poll' : 'Reopen the poll'));
  }
  const exportButton = h('button', { type: 'button', onclick: async () => {
    try {
      const response = await fetch(`${events(state.id)}/export.csv`, { headers: { Authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const a = h('a', { href: url, download: `slotpoll-${state.id}.csv` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (error) {
      message.textContent = `Export failed: ${error.message}`;
    }
  } }, 'Export answers (CSV)');
  const remove = h('button', { type: 'button', className: 'danger', onclick: async () => {
    if (!confirm(`Delete “${e.title}” and every answer? This cannot be undone.`)) return;
    try {
      await call('DELETE', events(state.id), { token });
      forget(state.id);
      replace(main, h('h1', {}, 'Poll deleted'), h('p', {}, h('a', { href: '/' }, 'Create a new poll')));
    } catch (error) {
      message.textContent = `Not deleted: ${error.message}`;
    }
  } }, 'Delete the poll');
  return h('section', { className: 'manage', 'aria-labelledby': 'manage-h' },
    h('h2', { id: 'manage-h' }, 'Manage'),
    people,
    h('div', { className: 'row' }, field(`Answers close at (${e.timezone})`, deadline),
      h('button', { type: 'button', onclick: act(() => call('PATCH', events(state.id),
        { token, body: { deadline: deadline.value || null } })) }, deadline.value ? 'Set deadline' : 'Set or clear deadline')),
    h('p', { className: 'actions' }, buttons, exportButton, remove),
    message);
}

