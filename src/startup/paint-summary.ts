import { readSummaryFrame, type SummaryFrame } from '../persistence/summary-frame';

/** Ids as the router accepts them; anything else is not a chapter page. */
const CHAPTER_PAGE = /^\/chapters\/([a-z0-9]{16,64})\/?$/;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  // Text only: member-written content never becomes markup.
  node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function summaryView(frame: SummaryFrame): HTMLElement {
  const view = element('div', '', { class: 'stack', 'data-testid': 'chapter-summary' });
  const head = element('header', '', { class: 'chapter-head' });
  const title = element('div', '');
  title.append(element('h1', frame.name, { id: 'chapter-title', 'data-testid': 'chapter-summary-name' }));
  if (frame.sub) title.append(element('p', frame.sub, { class: 'muted chapter-sub' }));
  head.append(title);
  view.append(head, element('p', frame.status, { class: 'notice', role: 'status' }));
  if (frame.description) view.append(element('p', frame.description, { class: 'chapter-description' }));
  if (frame.heading && frame.meetings.length > 0) {
    const section = element('section', '', { class: 'card', 'aria-labelledby': 'summary-meetings-title' });
    const list = element('ul', '', { class: 'summary-meetings' });
    for (const meeting of frame.meetings) {
      const item = element('li', '');
      item.append(element('span', meeting.title), ' ', element('span', meeting.date, { class: 'muted' }));
      list.append(item);
    }
    section.append(element('h2', frame.heading, { id: 'summary-meetings-title' }), list);
    view.append(section);
  }
  return view;
}

/**
 * On a chapter's page, paints the chapter as this device last saw it into index.html's frame,
 * before any of the app's code is fetched; src/main.tsx replaces it when the app mounts.
 */
export function paintStoredSummary(pathname: string): void {
  const docId = CHAPTER_PAGE.exec(pathname)?.[1];
  const main = docId ? document.querySelector('#root .shell-main') : null;
  const frame = docId && main ? readSummaryFrame(docId) : undefined;
  if (!main || !frame) return;
  document.documentElement.lang = frame.lang;
  document.documentElement.dir = frame.dir;
  main.replaceChildren(summaryView(frame));
}
