// The web app: one page shell, its pages chosen by the path. Only the public JSON API is used.
import { renderCreate } from './create.js';
import { renderRecover, renderStop } from './mail.js';
import { renderManage } from './manage.js';
import { renderParticipate } from './participate.js';
import { captureFragment } from './store.js';
import { h, replace } from './dom.js';

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
  replace(main, h('h1', {}, 'Not found'), h('p', {}, 'There is no page here. ', h('a', { href: '/' }, 'Create a poll')));
}
