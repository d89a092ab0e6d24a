// What the poll pages show, read through the API: the event, its heatmap, its participants
// and the best times, in the viewer's zone, with the cell layout both grids share.
import { call, events, problemText } from './api.js';
import { t } from './i18n.js';
import { h, mountParts, replace } from './dom.js';
import { layout } from './grid.js';
import { adminToken, viewZone } from './store.js';
import { browserZone, isZone } from './time.js';

export function pollState(id, manage) {
  return { id, manage, zone: viewZone() && isZone(viewZone()) ? viewZone() : browserZone(), minAvailable: 0,
    hideIfNeedBe: false, admin: adminToken(id) };
}

/** Reads everything the page shows; the cells are laid out once for the answer grid and the heatmap alike. */
export async function loadPoll(state) {
  const zone = encodeURIComponent(state.zone);
  const [event, heatmap, participants] = await Promise.all([
    call('GET', events(state.id)),
    call('GET', `${events(state.id)}/heatmap?timezone=${zone}`),
    call('GET', `${events(state.id)}/participants`),
  ]);
  state.event = event.body;
  state.heatmap = heatmap.body;
  state.heatmapTag = heatmap.headers.get('ETag');
  state.participants = participants.body;
  state.model = layout(state.heatmap.cells, state.zone, { weekly: state.event.kind === 'weekly' });
  await loadSlots(state);
}

export async function loadSlots(state) {
  state.slots = (await call('GET', `${events(state.id)}/recommendations?limit=10&timezone=${encodeURIComponent(state.zone)}`
    + `&minAvailable=${state.minAvailable}`)).body;
}

/**
 * Mounts a poll page: loads it, draws its parts, and gives the parts a page to act on
 * ({@code page.refresh(...names)} reloads and redraws those parts, or all). A poll that
 * cannot be loaded gets a page saying so.
 */
export async function openPoll(main, state, parts) {
  try {
    await loadPoll(state);
  } catch (error) {
    replace(main, h('h1', {}, error.status === 404 ? t('poll.none') : t('poll.failed')),
      h('p', {}, error.status === 404 ? t('poll.noneHint') : problemText(error)),
      h('p', {}, h('a', { href: '/' }, t('app.createPoll'))));
    return null;
  }
  const page = { state, main };
  page.refresh = async (...names) => {
    await loadPoll(state);
    page.view.redraw(...names);
  };
  const drawn = parts(page);
  main.classList.add('poll');
  if (state.manage) main.classList.add('organiser');
  page.view = mountParts(main, drawn);
  keepFresh(page, (before) => refreshedParts(page, [...drawn.keys()], before));
  // For the page benchmark (bench/pages.sh): the first frame after the whole page is built.
  requestAnimationFrame(() => performance.mark('slotpoll:rendered'));
  return page;
}

/** How often a visible poll page asks whether anything changed. */
const REFRESH_MS = 15000;

/**
 * Keeps a poll page current while it is visible: every 15 s one heatmap read with
 * If-None-Match (its ETag follows the event version, so a 304 means nothing changed at all);
 * on a change, everything is read again and the parts {@code names(before)} chooses are
 * redrawn. Nothing is asked while the tab is hidden; on becoming visible it asks at once.
 */
export function keepFresh(page, names) {
  const { state } = page;
  let timer = null;
  let busy = false;
  const tick = async () => {
    if (document.hidden || busy) return;
    busy = true;
    try {
      const seen = await call('GET', `${events(state.id)}/heatmap?timezone=${encodeURIComponent(state.zone)}`,
        { headers: state.heatmapTag ? { 'If-None-Match': state.heatmapTag } : {} });
      if (seen.status !== 304) {
        const before = { status: state.event.status, cells: cellKey(state.heatmap) };
        await loadPoll(state);
        page.view.redraw(...names(before));
      }
    } catch {
      // a failed refresh is retried at the next tick; the page keeps what it shows
    } finally {
      busy = false;
    }
  };
  const start = () => {
    if (!timer) timer = setInterval(tick, REFRESH_MS);
  };
  const stop = () => {
    clearInterval(timer);
    timer = null;
  };
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) {
      stop();
    } else {
      tick();
      start();
    }
  });
  if (!document.hidden) start();
}

/** The cell grid's identity: the answer grid is redrawn only when it changes. */
export function cellKey(heatmap) {
  return heatmap.cells.map((c) => c.start).join(',');
}

/**
 * The parts a refresh redraws: all but the zone picker and, unless the poll's state or its
 * grid changed, the answer form (it holds the viewer's unsaved cells); and never a part
 * where the viewer is typing (its focused form control keeps its value).
 */
export function refreshedParts(page, all, before) {
  const { state } = page;
  const answerChanged = before.status !== state.event.status || before.cells !== cellKey(state.heatmap);
  const typing = document.activeElement?.matches?.('input:not([type=checkbox]):not([type=radio]), textarea, select')
    ? document.activeElement : null;
  return all.filter((name) => name !== 'zone' && (name !== 'answer' || answerChanged)
    && !(typing && page.view.holds(name, typing)));
}
