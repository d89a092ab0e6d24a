// Tokens live only in the URL fragment (never sent to a server) until the page moves them
// here, into this browser's local storage, and removes them from the address bar.

const key = (kind, eventId) => `slotpoll:${kind}:${eventId}`;

export function adminToken(eventId) {
  return localStorage.getItem(key('admin', eventId));
}

export function saveAdminToken(eventId, token) {
  localStorage.setItem(key('admin', eventId), token);
}

/** {participantId, token} of this browser's answer to the event, or null. */
export function myAnswer(eventId) {
  const raw = localStorage.getItem(key('edit', eventId));
  if (!raw) return null;
  try {
    const value = JSON.parse(raw);
    return value && value.participantId && value.token ? value : null;
  } catch {
    return null;
  }
}

export function saveMyAnswer(eventId, participantId, token) {
  localStorage.setItem(key('edit', eventId), JSON.stringify({ participantId, token }));
}

export function forget(eventId) {
  localStorage.removeItem(key('admin', eventId));
  localStorage.removeItem(key('edit', eventId));
}

export function viewZone() {
  return localStorage.getItem('slotpoll:zone');
}

export function saveViewZone(zone) {
  localStorage.setItem('slotpoll:zone', zone);
}

/** Moves #admin=... or #edit=pid.token into storage and clears the fragment from the address bar. */
export function captureFragment(eventId) {
  const hash = location.hash.startsWith('#') ? location.hash.slice(1) : '';
  if (!hash) return;
  const params = new URLSearchParams(hash);
  const admin = params.get('admin');
  if (admin) saveAdminToken(eventId, admin);
  const edit = params.get('edit');
  if (edit && edit.includes('.')) {
    const dot = edit.indexOf('.');
    saveMyAnswer(eventId, edit.slice(0, dot), edit.slice(dot + 1));
  }
  history.replaceState(null, '', location.pathname + location.search);
}
