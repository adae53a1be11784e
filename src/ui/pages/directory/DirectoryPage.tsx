import { createSignal, For, onCleanup, Show } from 'solid-js';
import { useApp } from '../../../app/context';
import type { DirectoryRow } from '../../../app/directory';
import { formatDate, t } from '../../../i18n';
import { FeatureGate } from '../../components/FeatureGate';
import { Link } from '../../components/Link';
import { federationError, levelLabel } from '../federation/labels';
import './directory.css';

/** Newest branches and members, and search by name, place or skill, over this device's index. */
export function DirectoryPage() {
  return (
    <FeatureGate feature="directory">
      <FeatureGate feature="federation">
        <DirectoryView />
      </FeatureGate>
    </FeatureGate>
  );
}

function DirectoryView() {
  const store = useApp().features.get('directory');
  const [chapters, setChapters] = createSignal<readonly DirectoryRow[]>([]);
  const [members, setMembers] = createSignal<readonly DirectoryRow[]>([]);
  const [query, setQuery] = createSignal('');
  const [searched, setSearched] = createSignal<{ readonly query: string; readonly rows: readonly DirectoryRow[] } | null>(null);
  onCleanup(store.watch(store.newestChapters, setChapters));
  onCleanup(store.watch(store.newestMembers, setMembers));
  let stopSearch: (() => void) | null = null;
  onCleanup(() => stopSearch?.());

  const search = (event: SubmitEvent) => {
    event.preventDefault();
    stopSearch?.();
    const text = query().trim();
    if (text.length === 0) {
      setSearched(null);
      return;
    }
    stopSearch = store.watch(
      () => store.search(text),
      (rows) => setSearched({ query: text, rows }),
    );
  };

  return (
    <section class="stack" aria-labelledby="directory-title">
      <h1 id="directory-title">{t('directory.title')}</h1>
      <p class="muted">{t('directory.intro')}</p>
      <search>
        <form class="row directory-search" onSubmit={search}>
        <div class="field">
          <label for="directory-query">{t('directory.search.label')}</label>
          <input id="directory-query" type="search" data-testid="directory-query" value={query()} onInput={(event) => setQuery(event.currentTarget.value)} />
        </div>
        <button type="submit" class="button button-primary" data-testid="directory-search">
          {t('directory.search.submit')}
        </button>
        </form>
      </search>
      <Show when={searched()}>
        {(result) => (
          <section class="card stack" aria-labelledby="directory-results" aria-live="polite">
            <h2 id="directory-results">{t('directory.results')}</h2>
            <Show when={result().rows.length > 0} fallback={<p class="muted">{t('directory.noResults', { query: result().query })}</p>}>
              <RowList rows={result().rows} testId="directory-results-list" />
            </Show>
          </section>
        )}
      </Show>
      <section class="card stack" aria-labelledby="directory-chapters">
        <h2 id="directory-chapters">{t('directory.newestChapters')}</h2>
        <Show when={chapters().length > 0} fallback={<p class="muted">{t('directory.empty')}</p>}>
          <RowList rows={chapters()} testId="directory-chapters-list" />
        </Show>
      </section>
      <section class="card stack" aria-labelledby="directory-members">
        <h2 id="directory-members">{t('directory.newestMembers')}</h2>
        <Show when={members().length > 0} fallback={<p class="muted">{t('directory.empty')}</p>}>
          <RowList rows={members()} testId="directory-members-list" />
        </Show>
      </section>
      <ShareSkills />
    </section>
  );
}

function ShareSkills() {
  const federation = useApp().features.get('federation');
  const [choice, setChoice] = createSignal('');
  const [message, setMessage] = createSignal<{ readonly error: boolean; readonly text: string } | null>(null);
  const skills = () => federation.profileSkills();
  const chosen = () => federation.memberOf().find((item) => item.id === choice()) ?? federation.memberOf()[0];
  const share = async (event: SubmitEvent) => {
    event.preventDefault();
    const branch = chosen();
    if (!branch) return;
    const result = await federation.shareSkills(branch.id);
    setMessage(result.ok ? { error: false, text: t('directory.share.done', { name: branch.name }) } : { error: true, text: federationError(result.error) });
  };
  return (
    <section class="card stack" aria-labelledby="directory-share">
      <h2 id="directory-share">{t('directory.share.title')}</h2>
      <p class="muted">{t('directory.share.intro')}</p>
      <Show when={skills().length > 0} fallback={<p>{t('directory.share.noSkills')}</p>}>
        <p data-testid="directory-my-skills">{t('directory.share.yours', { list: skills().join(', ') })}</p>
        <Show when={federation.memberOf().length > 0} fallback={<p class="muted">{t('directory.share.notMember')}</p>}>
          <form class="row directory-search" onSubmit={share}>
            <div class="field">
              <label for="directory-share-branch">{t('directory.share.branch')}</label>
              <select id="directory-share-branch" onChange={(event) => setChoice(event.currentTarget.value)}>
                <For each={federation.memberOf()}>{(branch) => (
                  <option value={branch.id} selected={branch.id === chosen()?.id}>
                    {branch.name}
                  </option>
                )}</For>
              </select>
            </div>
            <button type="submit" class="button" data-testid="directory-share">
              {t('directory.share.submit')}
            </button>
          </form>
        </Show>
      </Show>
      <p role={message()?.error ? 'alert' : 'status'} class={message()?.error ? 'notice notice-error' : 'muted'} hidden={!message()}>
        {message()?.text}
      </p>
    </section>
  );
}

function RowList(props: { readonly rows: readonly DirectoryRow[]; readonly testId: string }) {
  return (
    <ul class="directory-list" data-testid={props.testId}>
      <For each={props.rows}>
        {(row) => (
          <li class="directory-row">
            <Link href={`/chapters/${row.docId}`} class="directory-name">
              {row.name}
            </Link>
            <span class="muted">
              {row.kind === 'chapter'
                ? [levelLabel(row.level), row.place, row.foundedOn ? t('chapter.founded', { date: formatDate(row.foundedOn) }) : '']
                    .filter(Boolean)
                    .join(' · ')
                : [t('directory.member', { chapter: row.chapterName }), row.place].filter(Boolean).join(' · ')}
            </span>
            <Show when={row.skills.length > 0}>
              <span class="muted">{t('directory.skills', { list: row.skills.join(', ') })}</span>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
