import { For, Match, Show, Switch } from 'solid-js';
import { useApp } from '../../../app/context';
import type { PollSummary, PollsView } from '../../../app/polls';
import { loadCatalog, t } from '../../../i18n';
import { Link } from '../../components/Link';
import type { SectionProps } from '../chapter/section-props';
import { EmptyState } from '../projects/form-kit';
import { NewPoll } from './NewPoll';
import { PollDetail } from './PollDetail';
import { closingText, votersText } from './poll-text';
import './polls.css';

/** Polls of the chapter: open and closed ones, a new poll, or one poll with its ballot and result. */
export default function PollsSection(props: SectionProps) {
  const app = useApp();
  const polls = app.features.get('polls').view(props.chapter.docId);
  // The back links and empty states come from the organizing screens' form kit and its strings.
  void loadCatalog('organizing');
  const base = `/chapters/${props.chapter.docId}/polls`;
  const isOpen = (s: PollSummary) => s.count.status === 'open';
  return (
    <Switch>
      <Match when={props.itemId === 'new'}>
        <NewPoll polls={polls} base={base} />
      </Match>
      <Match when={props.itemId}>{(id) => <PollDetail polls={polls} id={id()} base={base} />}</Match>
      <Match when={true}>
        <section class="stack polls" aria-labelledby="polls-title">
          <div class="org-head">
            <h1 id="polls-title">{t('polls.title')}</h1>
            <Show when={polls.me()}>
              <Link href={`${base}/new`} class="button button-primary" data-testid="new-poll">
                {t('polls.new')}
              </Link>
            </Show>
          </div>
          <Show when={polls.membersReady() && !polls.me()}>
            <p class="notice">{t('polls.membersOnly')}</p>
          </Show>
          <Show when={polls.polls().length > 0} fallback={<EmptyState testid="polls-empty" title={t('polls.empty.title')} body={t('polls.empty.body')} />}>
            <section aria-labelledby="polls-open" class="stack">
              <h2 id="polls-open">{t('polls.open')}</h2>
              <PollList polls={polls} items={polls.polls().filter(isOpen)} base={base} empty={t('polls.noOpen')} testid="polls-open-list" />
            </section>
            <section aria-labelledby="polls-closed" class="stack">
              <h2 id="polls-closed">{t('polls.closed')}</h2>
              <PollList polls={polls} items={polls.polls().filter((s) => !isOpen(s))} base={base} empty={t('polls.noClosed')} testid="polls-closed-list" />
            </section>
          </Show>
        </section>
      </Match>
    </Switch>
  );
}

function PollList(props: { polls: PollsView; items: readonly PollSummary[]; base: string; empty: string; testid: string }) {
  return (
    <Show when={props.items.length > 0} fallback={<p class="muted">{props.empty}</p>}>
      <ul class="org-list" data-testid={props.testid}>
        <For each={props.items}>
          {(summary) => (
            <li>
              <Link href={`${props.base}/${summary.poll.id}`} class="card org-item" data-testid="poll-item">
                <span class="org-item-title">{summary.poll.question}</span>
                <span class="org-meta">
                  {t(`polls.method.${summary.poll.method}`)} · <span class="badge">{t(`polls.status.${summary.count.status}`)}</span>
                </span>
                <span class="org-meta">{closingText(summary)}</span>
                <span class="org-meta" data-testid="poll-voters">
                  {votersText(summary)}
                </span>
              </Link>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
