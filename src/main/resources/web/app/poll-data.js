// What the poll pages show, read through the API: the event, its heatmap, its participants
// and the best times, in the viewer's zone, with the cell layout both grids share.
import { call, events } from './api.js';
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
  state.participants = participants.body;
  state.model = layout(state.heatmap.cells, state.zone);
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
    replace(main, h('h1', {}, error.status === 404 ? 'No such poll' : 'The poll could not be loaded'),
      h('p', {}, error.status === 404 ? 'The link may be mistyped, or the poll was deleted.' : error.message),
      h('p', {}, h('a', { href: '/' }, 'Create a poll')));
    return null;
  }
  const page = { state, main };
  page.refresh = async (...names) => {
    await loadPoll(state);
    page.view.redraw(...names);
  };
  page.view = mountParts(main, parts(page));
  // For the page benchmark (bench/pages.sh): the first frame after the whole page is built.
  requestAnimationFrame(() => performance.mark('slotpoll:rendered'));
  return page;
}
