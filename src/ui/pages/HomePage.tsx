import { lazy, Show } from 'solid-js';
import { useApp } from '../../app/context';
import { formatDateTime, t } from '../../i18n';
import { FeatureGate } from '../components/FeatureGate';
import { installHintDismissed, installMode } from '../../app/install';
import { CardLinkList } from '../components/CardLinkList';
import { Link } from '../components/Link';

// The install hint's code loads only where installing is one tap (or, on iOS, two) away.
const InstallHint = lazy(() => import('../components/InstallPrompt').then((m) => ({ default: m.InstallHint })));
const installOffered = () => (installMode() === 'prompt' || installMode() === 'ios') && !installHintDismissed();

// The dashboard reads every chapter: loaded after the chapter list has painted.
const Dashboard = lazy(() => import('../components/dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));

/** The start screen: every document this device knows, straight from the local catalog. */
export function HomePage() {
  const app = useApp();
  // Fetched while its strings (or its store) load, not after: the gate renders it only then.
  void Dashboard.preload();
  return (
    <section class="stack" aria-labelledby="home-title">
      <div class="row home-head">
        <h1 id="home-title">{t('home.title')}</h1>
        <Link href="/chapters/new" class="button button-primary" data-testid="new-chapter">
          {t('home.create')}
        </Link>
      </div>
      <Show
        when={app.entries().length > 0}
        fallback={
          <div class="card empty-state" data-testid="home-empty">
            <h2>{t('home.empty.title')}</h2>
            <p class="muted">{t('home.empty.body')}</p>
          </div>
        }
      >
        <CardLinkList
          items={app.entries()}
          testid="chapter-list"
          link={(entry) => ({
            href: `/chapters/${entry.id}`,
            title: entry.title || entry.id,
            meta: entry.lastSyncedAt ? t('home.lastSynced', { when: formatDateTime(entry.lastSyncedAt) }) : t('home.neverSynced'),
          })}
        />
        <nav class="row" aria-label={t('chapter.federation')}>
          <Link href="/federation" class="button" data-testid="home-federation">
            {t('chapter.federation')}
          </Link>
          <Link href="/directory" class="button" data-testid="home-directory">
            {t('chapter.directory')}
          </Link>
        </nav>
      </Show>
      <Show when={installOffered()}>
        <InstallHint />
      </Show>
      <Show
        when={app.entries().length > 0}
        fallback={
          <FeatureGate feature={undefined} strings="organizing">
            <Dashboard empty />
          </FeatureGate>
        }
      >
        <FeatureGate feature="dashboard">
          <Dashboard />
        </FeatureGate>
      </Show>
    </section>
  );
}
