import { type Accessor, createSignal, For, type JSX, lazy, onCleanup, Show, Suspense } from 'solid-js';
import { useApp } from '../../../app/context';
import type { DashboardView, FromChapter } from '../../../app/dashboard';
import type { DirectoryRow } from '../../../app/directory';
import { formatLocation } from '../../../domain/chapter';
import { formatDate, t } from '../../../i18n';
import { Link } from '../Link';
import { Item } from './DashboardItem';
import { GovernanceSlot } from './GovernanceSlot';

// Event rows need the events code (time zones, shared copies): a device without events never loads it.
const EventItem = lazy(() => import('./EventItem'));

/**
 * The member's front page across all chapters on this device, like the federation's old
 * home page: latest news, newest projects, upcoming events, recent posts, newest chapters and members.
 */
export function Dashboard(props: { readonly empty?: boolean }) {
  const app = useApp();
  // A device without chapters has nothing to list: the empty cards need neither store nor index.
  const view: DashboardLists = props.empty ? NOTHING : app.features.get('dashboard').view(app.entries);
  const members = props.empty ? () => [] : newestMembers();
  const firstChapter = () => app.entries()[0]?.id;
  const listLink = (section: string) => (firstChapter() ? `/chapters/${firstChapter()}/${section}` : '/');
  return (
    <section class="dashboard stack" aria-labelledby="dashboard-title" data-testid="dashboard">
      <h2 id="dashboard-title">{t('dashboard.title')}</h2>
      <div class="dashboard-grid">
        <Card
          id="news"
          title={t('dashboard.news')}
          empty={t('dashboard.news.empty')}
          items={view.news}
          more={listLink('news')}
          moreLabel={t('dashboard.more.news')}
          render={(entry) => (
            <Item href={`/chapters/${entry.chapterId}/news/${entry.item.id}`} title={entry.item.title} meta={`${formatDate(entry.item.publishedAt)} · ${entry.chapterName}`} />
          )}
        />
        <Card
          id="events"
          title={t('dashboard.events')}
          empty={t('dashboard.events.empty')}
          items={view.events}
          more="/events"
          moreLabel={t('dashboard.more.events')}
          render={(row) => (
            <Suspense>
              <EventItem row={row} />
            </Suspense>
          )}
        />
        <Card
          id="projects"
          title={t('dashboard.projects')}
          empty={t('dashboard.projects.empty')}
          items={view.projects}
          more={listLink('projects')}
          moreLabel={t('dashboard.more.projects')}
          render={(entry) => (
            <Item href={`/chapters/${entry.chapterId}/projects/${entry.item.id}`} title={entry.item.title} meta={t('dashboard.inChapter', { chapter: entry.chapterName })} />
          )}
        />
        <Card
          id="blog"
          title={t('dashboard.blog')}
          empty={t('dashboard.blog.empty')}
          items={view.blog}
          more={listLink('news')}
          moreLabel={t('dashboard.more.blog')}
          render={(entry) => (
            <Item
              href={`/chapters/${entry.chapterId}/news/${entry.item.id}`}
              title={entry.item.title}
              meta={`${entry.item.author.name || ''}${entry.item.author.name ? ' · ' : ''}${formatDate(entry.item.publishedAt)} · ${entry.chapterName}`}
            />
          )}
        />
        <Card
          id="chapters"
          title={t('dashboard.chapters')}
          empty={t('dashboard.chapters.empty')}
          items={view.chapters}
          more="/"
          moreLabel={t('dashboard.more.chapters')}
          render={(chapter) => (
            <Item
              href={`/chapters/${chapter.chapterId}`}
              title={chapter.details.name}
              meta={[formatLocation(chapter.details.location), chapter.details.foundedOn ? t('dashboard.founded', { date: formatDate(chapter.details.foundedOn) }) : '']
                .filter(Boolean)
                .join(' · ')}
            />
          )}
        />
        <Card
          id="members"
          title={t('dashboard.members')}
          empty={t('dashboard.members.empty')}
          items={members}
          more="/directory"
          moreLabel={t('dashboard.more.members')}
          render={(row) => <Item href={`/chapters/${row.docId}`} title={row.name} meta={[row.chapterName, row.place].filter(Boolean).join(' · ')} />}
        />
        <GovernanceSlot />
      </div>
    </section>
  );
}

type DashboardLists = Pick<DashboardView, 'news' | 'events' | 'projects' | 'blog' | 'chapters'>;
const NOTHING: DashboardLists = { news: () => [], events: () => [], projects: () => [], blog: () => [], chapters: () => [] };

/** Newest members across this device's branches, from the directory index (loaded after first paint). */
function newestMembers(): Accessor<readonly DirectoryRow[]> {
  const app = useApp();
  const [rows, setRows] = createSignal<readonly DirectoryRow[]>([]);
  let stop: (() => void) | undefined;
  let disposed = false;
  onCleanup(() => {
    disposed = true;
    stop?.();
  });
  void app.features.load('directory').then((store) => {
    if (!disposed) stop = store.watch(store.newestMembers, setRows);
  });
  return rows;
}

function Card<T>(props: {
  readonly id: string;
  readonly title: string;
  readonly empty: string;
  readonly items: Accessor<readonly T[]>;
  readonly more: string;
  /** A whole phrase per card ("All events", "Whole directory"): languages word these differently. */
  readonly moreLabel: string;
  readonly render: (item: T) => JSX.Element;
}) {
  return (
    <section class="card dashboard-card" aria-labelledby={`dashboard-${props.id}`} data-testid={`dashboard-${props.id}`}>
      <h3 id={`dashboard-${props.id}`}>{props.title}</h3>
      <Show when={props.items().length > 0} fallback={<p class="muted" data-testid={`dashboard-${props.id}-empty`}>{props.empty}</p>}>
        <ul class="dashboard-list">
          <For each={props.items()}>{(item) => <li>{props.render(item)}</li>}</For>
        </ul>
      </Show>
      <Link href={props.more} class="dashboard-more">
        {props.moreLabel}
      </Link>
    </section>
  );
}

export type { FromChapter };
