// The web app: one page shell, three views chosen by the path. Only the public JSON API is used.
import { renderCreate } from './create.js';
import { renderPoll } from './poll.js';
import { captureFragment } from './store.js';
import { h, replace } from './dom.js';

const main = document.getElementById('main');
const path = location.pathname.replace(/\/+$/, '') || '/';
const match = path.match(/^\/e\/([A-Za-z0-9_-]{1,64})(\/manage)?$/);

if (path === '/') {
  renderCreate(main);
} else if (match) {
  captureFragment(match[1]);
  renderPoll(main, match[1], Boolean(match[2]));
} else {
  replace(main, h('h1', {}, 'Not found'), h('p', {}, 'There is no page here. ', h('a', { href: '/' }, 'Create a poll')));
}
