// "/e/{id}", the participant's page: the poll, your answer, and when the group can meet.
import { answerPart } from './answer.js';
import { groupSection } from './group.js';
import { openPoll, pollState } from './poll-data.js';
import { lostLinkForm } from './mail.js';
import { finalBanner, heading, zoneBox } from './poll-parts.js';
import { myAnswer } from './store.js';

export function renderParticipate(main, id) {
  return openPoll(main, pollState(id, false), (page) => new Map([
    ['heading', () => heading(page.state)],
    ['final', () => finalBanner(page.state)],
    ['zone', () => zoneBox(page, ['heading', 'final', 'answer', 'group'])],
    ['answer', () => answerPart(page)],
    ['group', () => groupSection(page)],
    ['lost', () => (myAnswer(id) ? null : lostLinkForm())],
  ]));
}
