import { createEffect, createSignal, For, lazy, Match, Show, Switch } from 'solid-js';
import { contactHref } from '../../../domain/chapter';
import { useApp } from '../../../app/context';
import { loadCatalog, t } from '../../../i18n';
import { ChapterForm, inputFromDetails } from '../../components/ChapterForm';
import { CollaborativeTextarea } from '../../components/CollaborativeTextarea';
import { FeatureGate } from '../../components/FeatureGate';
import { ChapterTitle } from './ChapterTitle';
import './ChapterPage.css';
import type { SectionProps } from './section-props';

// The branch's place in the federation loads with the federation store (after the overview paints).
// Opened on demand, with the members strings it uses.
const InviteDialog = lazy(() =>
  Promise.all([import('../../components/InviteDialog'), loadCatalog('members')]).then(([m]) => ({ default: m.InviteDialog })),
);
const FederationPanel = lazy(() => import('../federation/FederationPanel'));
// Shown only while a stored chapter is being read; fetched (from the device cache) as the page opens.
const ChapterSummaryView = lazy(() => import('./ChapterSummaryView').then((m) => ({ default: m.ChapterSummaryView })));

/** Details, shared notes and the invite: what a chapter is, on one screen. */
export function ChapterOverview(props: SectionProps) {
  const view = props.chapter;
  if (!view.loaded()) void ChapterSummaryView.preload();
  const app = useApp();
  // With nothing stored to show first, the document may be read at once.
  createEffect(() => {
    if (view.summaryChecked() && !view.summary()) app.painted();
  });
  const [editing, setEditing] = createSignal(false);
  const [inviting, setInviting] = createSignal(false);
  const [savedMessage, setSavedMessage] = createSignal('');
  const base = `${location.origin}${import.meta.env.BASE_URL}`.replace(/\/$/, '');
  const makeUrl = (validDays: number | null, maxUses: number | null) =>
    app.invites.createLink(
      base,
      { docId: view.docId, secret: view.entry.secret, title: view.details()?.name ?? view.entry.title, genesisId: view.entry.genesisId ?? null },
      validDays,
      { maxUses },
    );

  return (
    <article class="stack chapter-page" aria-labelledby="chapter-title">
      <Show when={view.newerSchema()}>
        <p class="notice" role="status">
          {t('chapter.newerSchema')}
        </p>
      </Show>
      <Switch>
        <Match when={view.details()}>
          {(details) => (
            <>
              <header class="chapter-head">
                <ChapterTitle details={details()} nameTestId="chapter-name" locationTestId="chapter-location" />
                <div class="row">
                  <button type="button" class="button button-primary" onClick={() => setInviting(true)} data-testid="invite">
                    {t('chapter.invite')}
                  </button>
                  <button type="button" class="button" aria-expanded={editing()} onClick={() => setEditing(!editing())} data-testid="edit-chapter">
                    {t('chapter.edit')}
                  </button>
                </div>
              </header>
              <Show
                when={editing()}
                fallback={
                  <Show when={details().description}>
                    <p class="chapter-description" data-testid="chapter-description">
                      {details().description}
                    </p>
                  </Show>
                }
              >
                <section class="card" aria-label={t('chapter.details')}>
                  <ChapterForm
                    idPrefix="edit-chapter"
                    initial={inputFromDetails(details())}
                    submitLabel={t('chapter.form.save')}
                    onCancel={() => setEditing(false)}
                    onSubmit={(input) => {
                      const result = view.save(input);
                      if (!result.ok) return result.error;
                      setEditing(false);
                      setSavedMessage(t('chapter.form.saved'));
                      return null;
                    }}
                  />
                </section>
              </Show>
              <Show when={(details().languages ?? []).length > 0}>
                <p data-testid="chapter-languages">{t('chapter.languages', { list: (details().languages ?? []).join(', ') })}</p>
              </Show>
              <Show when={(details().links ?? []).length > 0}>
                <section aria-label={t('chapter.links')}>
                  <ul class="chapter-links" data-testid="chapter-links">
                    <For each={details().links}>
                      {(link) => (
                        <li>
                          <a href={contactHref(link)} rel="noopener noreferrer" target="_blank">
                            {link}
                          </a>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              </Show>
              <p role="status" class="muted">
                {savedMessage()}
              </p>
              <section class="card">
                <CollaborativeTextarea id="chapter-notes" text={view.notes} label={t('chapter.notes')} help={t('chapter.notesHelp')} />
              </section>
              <FeatureGate feature="federation">
                <FederationPanel docId={view.docId} />
              </FeatureGate>
              <Show when={inviting()}>
                <InviteDialog chapterName={details().name} makeUrl={makeUrl} onClose={() => setInviting(false)} />
              </Show>
            </>
          )}
        </Match>
        <Match when={view.summary()}>{(summary) => <ChapterSummaryView summary={summary()} loaded={view.loaded()} onShown={app.painted} />}</Match>
        <Match when={view.loaded()}>
          <h1 id="chapter-title">{view.entry.title}</h1>
          <p class="notice" role="status" data-testid="chapter-waiting">
            {t('chapter.waiting')}
          </p>
        </Match>
      </Switch>
    </article>
  );
}
