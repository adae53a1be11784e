import { createEffect, createResource, For, lazy, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { CatalogEntryView } from '../../../app/chapters';
import { useApp } from '../../../app/context';
import type { DocId } from '../../../domain/ids';
import { t } from '../../../i18n';
import { FeatureGate } from '../../components/FeatureGate';
import { Link } from '../../components/Link';
import { DeviceNotices } from './DeviceNotices';
import { CHAPTER_SECTIONS, sectionById } from './sections';
import './ChapterPage.css';

// Warns when the invite this device joined through was not signed by a member (loads with the members store).
const InviterNotice = lazy(() => import('../members/ChapterInviterNotice'));

interface Props {
  readonly id: DocId;
  readonly section: string;
  readonly itemId: string | null;
}

/** Loads the chapter's catalog entry (device-local, instant) and shows the chosen section. */
export function ChapterPage(props: Props) {
  const app = useApp();
  const [entry] = createResource(() => props.id, app.chapters.loadChapter);
  // Only the overview paints from a stored summary; every other screen lets documents load at once.
  createEffect(() => {
    if (entry.state === 'ready' && (!entry() || props.section !== 'overview')) app.painted();
  });
  return (
    <Show when={entry.state === 'ready'}>
      <Show when={entry()} fallback={<p class="notice notice-error">{t('chapter.notFound')}</p>}>
        {(found) => <ChapterFrame entry={found().entry} section={props.section} itemId={props.itemId} />}
      </Show>
    </Show>
  );
}

function ChapterFrame(props: { readonly entry: CatalogEntryView; readonly section: string; readonly itemId: string | null }) {
  const app = useApp();
  const view = app.chapters.viewChapter(props.entry);
  const section = () => sectionById(props.section);
  return (
    <div class="stack">
      <DeviceNotices chapter={view} />
      <Show when={CHAPTER_SECTIONS.length > 1}>
        <nav class="chapter-tabs" aria-label={t('chapter.sections')}>
          <For each={CHAPTER_SECTIONS}>
            {(item) => (
              <Link
                href={item.id === 'overview' ? `/chapters/${view.docId}` : `/chapters/${view.docId}/${item.id}`}
                aria-current={item.id === props.section ? 'page' : undefined}
                data-testid={`section-${item.id}`}
              >
                {t(item.label)}
              </Link>
            )}
          </For>
        </nav>
      </Show>
      <FeatureGate feature="members">
        <InviterNotice chapter={view} />
      </FeatureGate>
      {/* Keyed: a new section gets a fresh gate, so it never renders before its store has loaded. */}
      <Show when={section()} keyed fallback={<h1>{t('notFound.title')}</h1>}>
        {(current) => (
          <FeatureGate feature={current.feature}>
            <Dynamic component={current.component} chapter={view} itemId={props.itemId} />
          </FeatureGate>
        )}
      </Show>
    </div>
  );
}
