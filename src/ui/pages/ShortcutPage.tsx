import { createEffect, Show } from 'solid-js';
import { useApp } from '../../app/context';
import { navigate } from '../../app/router';
import { t } from '../../i18n';
import { CardLinkList } from '../components/CardLinkList';
import { Link } from '../components/Link';

type Target = 'meeting' | 'poll';

const formPath = (chapterId: string, target: Target) => `/chapters/${chapterId}/${target === 'meeting' ? 'meetings' : 'polls'}/new`;

/**
 * Where the installed app's "New meeting" / "New poll" shortcuts land: straight in the form when
 * this device holds one chapter, otherwise a choice with the most recently opened chapter first.
 */
export function ShortcutPage(props: { readonly target: Target }) {
  const app = useApp();
  const chapters = () =>
    app
      .entries()
      .filter((entry) => entry.kind === 'chapter')
      .sort((a, b) => b.lastOpenedAt.localeCompare(a.lastOpenedAt));
  createEffect(() => {
    const only = chapters();
    // Replace, so Back from the form leaves the app rather than bouncing here again.
    if (only.length === 1 && only[0]) navigate(formPath(only[0].id, props.target), { replace: true });
  });
  return (
    <section class="stack" aria-labelledby="shortcut-title" data-testid="shortcut-page">
      <h1 id="shortcut-title">{t(props.target === 'meeting' ? 'shortcut.meeting.title' : 'shortcut.poll.title')}</h1>
      <Show
        when={chapters().length > 0}
        fallback={
          <div class="card empty-state stack" data-testid="shortcut-empty">
            <p>{t('shortcut.none')}</p>
            <Link href="/chapters/new" class="button button-primary">
              {t('home.create')}
            </Link>
          </div>
        }
      >
        <CardLinkList items={chapters()} testid="shortcut-chapters" link={(entry) => ({ href: formPath(entry.id, props.target), title: entry.title || entry.id })} />
      </Show>
    </section>
  );
}
