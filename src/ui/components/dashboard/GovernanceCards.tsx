import { createEffect, createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import { useApp } from '../../../app/context';
import type { DocId } from '../../../domain/ids';
import { formatDateTime, t } from '../../../i18n';
import { Link } from '../Link';

/**
 * The governance cards of the home dashboard: every open poll (closing time, voters so far) and
 * the latest minutes of each chapter. Loaded only after the rest of the dashboard, with the polls
 * and meetings stores, so the home page's first paint never waits for them.
 */
export default function GovernanceCards() {
  const app = useApp();
  // Only open documents (a branch being forgotten, or just added, has none), and the same rows
  // while only sync times change, so the rows are not rebuilt on every sync.
  const chapters = createMemo(
    () => app.entries().filter((entry) => entry.kind === 'chapter' && app.openDocIds().has(entry.id)),
    [],
    { equals: (a, b) => a.length === b.length && a.every((entry, i) => entry.id === b[i]?.id && entry.title === b[i]?.title) },
  );
  const [polls, setPolls] = createSignal<Readonly<Record<string, number>>>({});
  const [minutes, setMinutes] = createSignal<Readonly<Record<string, number>>>({});
  const total = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const report = (set: typeof setPolls) => (id: string, n: number) => set((all) => (all[id] === n ? all : { ...all, [id]: n }));
  const first = () => chapters()[0]?.id;
  return (
    <>
      <section class="card dashboard-card" aria-labelledby="dashboard-polls" data-testid="dashboard-polls">
        <h3 id="dashboard-polls">{t('dashboard.polls')}</h3>
        {/* Hidden (out of the accessibility tree) while empty; its rows still mount and report their counts. */}
        <ul class="dashboard-list" hidden={total(polls()) === 0}>
          <For each={chapters()}>{(entry) => <OpenPolls docId={entry.id} chapterName={entry.title} report={report(setPolls)} />}</For>
        </ul>
        <Show when={total(polls()) === 0}>
          <p class="muted" data-testid="dashboard-polls-empty">
            {t('dashboard.polls.empty')}
          </p>
        </Show>
        <Link href={first() ? `/chapters/${first()}/polls` : '/'} class="dashboard-more">
          {t('dashboard.more.polls')}
        </Link>
      </section>
      <section class="card dashboard-card" aria-labelledby="dashboard-minutes" data-testid="dashboard-minutes">
        <h3 id="dashboard-minutes">{t('dashboard.minutes')}</h3>
        <ul class="dashboard-list" hidden={total(minutes()) === 0}>
          <For each={chapters()}>{(entry) => <LatestMinutes docId={entry.id} chapterName={entry.title} report={report(setMinutes)} />}</For>
        </ul>
        <Show when={total(minutes()) === 0}>
          <p class="muted" data-testid="dashboard-minutes-empty">
            {t('dashboard.minutes.empty')}
          </p>
        </Show>
        <Link href={first() ? `/chapters/${first()}/meetings` : '/'} class="dashboard-more">
          {t('dashboard.more.minutes')}
        </Link>
      </section>
    </>
  );
}

interface ChapterProps {
  readonly docId: DocId;
  readonly chapterName: string;
  readonly report: (id: string, count: number) => void;
}

function OpenPolls(props: ChapterProps) {
  const app = useApp();
  const view = app.features.get('polls').view(props.docId);
  const open = createMemo(() => view.polls().filter((s) => s.count.status === 'open'));
  createEffect(() => props.report(props.docId, open().length));
  onCleanup(() => props.report(props.docId, 0));
  return (
    <For each={open()}>
      {(s) => (
        <li>
          <Link href={`/chapters/${props.docId}/polls/${s.poll.id}`}>
            <span class="dashboard-item-title">{s.poll.question}</span>
            <span class="dashboard-item-meta">
              {t('dashboard.poll.meta', {
                when: formatDateTime(s.poll.closesAt),
                voted: s.count.turnout,
                eligible: s.count.voters.length,
                chapter: props.chapterName,
              })}
            </span>
          </Link>
        </li>
      )}
    </For>
  );
}

function LatestMinutes(props: ChapterProps) {
  const app = useApp();
  const members = app.features.get('members').view(props.docId);
  const view = app.features.get('meetings').view(props.docId, members);
  const latest = createMemo(() => view.past()[0]);
  createEffect(() => props.report(props.docId, latest() ? 1 : 0));
  onCleanup(() => props.report(props.docId, 0));
  return (
    <Show when={latest()}>
      {(meeting) => (
        <li>
          <Link href={`/chapters/${props.docId}/meetings/${meeting().id}`}>
            <span class="dashboard-item-title">{meeting().title}</span>
            <span class="dashboard-item-meta">{`${formatDateTime(meeting().startsAt)} · ${props.chapterName}`}</span>
          </Link>
        </li>
      )}
    </Show>
  );
}
