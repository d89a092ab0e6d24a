// The web app: one page shell, its pages chosen by the path, in the reader's language. Only
// the public JSON API is used.
import { renderCreate } from './create.js';
import { renderRecover, renderStop } from './mail.js';
import { renderManage } from './manage.js';
import { renderParticipate } from './participate.js';
import { captureFragment } from './store.js';
import { h, replace } from './dom.js';
import { LANGUAGES, language, loadLanguage, switchLanguage, t } from './i18n.js';

const THEME = 'slotpoll:theme';

applyTheme();
await loadLanguage();
for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
const settings = h('span', { className: 'settings' });
document.querySelector('header.top').append(settings);
languageMenu(settings);
themeMenu(settings);

const main = document.getElementById('main');
const path = location.pathname.replace(/\/+$/, '') || '/';
const match = path.match(/^\/e\/([A-Za-z0-9_-]{1,64})(\/manage)?$/);

if (path === '/') {
  renderCreate(main);
} else if (path === '/recover') {
  renderRecover(main);
} else if (path === '/stop') {
  renderStop(main);
} else if (match) {
  captureFragment(match[1]);
  if (match[2]) renderManage(main, match[1]);
  else renderParticipate(main, match[1]);
} else {
  replace(main, h('h1', {}, t('app.notFound')), h('p', {}, t('app.nothingHere'), h('a', { href: '/' }, t('app.createPoll'))));
}

/** The language menu in the header: each language named in itself, the choice remembered. */
function languageMenu(settings) {
  const select = h('select', { id: 'language' }, LANGUAGES.map(([code, name]) =>
    h('option', { value: code, lang: code, selected: code === language() }, name)));
  select.addEventListener('change', () => switchLanguage(select.value));
  settings.append(h('span', { className: 'language' }, h('label', { for: 'language' }, t('app.language')), ' ', select));
}


/** The colour theme: the system's (prefers-color-scheme) unless light or dark was chosen here. */
function applyTheme() {
  const theme = localStorage.getItem(THEME);
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

/** The theme switch beside the language menu, remembered like the language. */
function themeMenu(settings) {
  const current = document.documentElement.dataset.theme || 'system';
  const select = h('select', { id: 'theme' }, ['system', 'light', 'dark'].map((theme) =>
    h('option', { value: theme, selected: theme === current }, t(`app.theme.${theme}`))));
  select.addEventListener('change', () => {
    if (select.value === 'system') localStorage.removeItem(THEME);
    else localStorage.setItem(THEME, select.value);
    applyTheme();
  });
  settings.append(h('span', { className: 'theme' }, h('label', { for: 'theme' }, t('app.theme')), ' ', select));
}
