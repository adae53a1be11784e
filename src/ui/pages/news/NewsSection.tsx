import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { useApp } from '../../../app/context';
import type { NewsView, Post } from '../../../app/news';
import type { OrganizingError } from '../../../app/projects';
import { navigate } from '../../../app/router';
import { LIMITS } from '../../../domain/organizing/types';
import { formatBytes, formatDateTime, t } from '../../../i18n';
import { CardLinkList } from '../../components/CardLinkList';
import { Link } from '../../components/Link';
import type { SectionProps } from '../chapter/section-props';
import { BackLink, EmptyState, errorFor, Field, FormAlert, personName, SelectField } from '../projects/form-kit';
import { Markdown } from './Markdown';

/** News and blog posts of the chapter: the list, the editor, or one post with its replies. */
export default function NewsSection(props: SectionProps) {
  const app = useApp();
  const news = app.features.get('news').view(props.chapter.docId);
  const base = `/chapters/${props.chapter.docId}/news`;
  const editId = () => (props.itemId?.startsWith('edit-') ? props.itemId.slice(5) : null);
  return (
    <Switch>
      <Match when={props.itemId === 'new'}>
        <PostEditor news={news} base={base} />
      </Match>
      <Match when={editId()}>{(id) => <EditPost news={news} base={base} id={id()} />}</Match>
      <Match when={props.itemId}>{(id) => <PostDetail news={news} id={id()} base={base} />}</Match>
      <Match when={true}>
        <section class="stack" aria-labelledby="news-title">
          <div class="org-head">
            <h1 id="news-title">{t('news.title')}</h1>
            <Link href={`${base}/new`} class="button button-primary" data-testid="new-post">
              {t('news.new')}
            </Link>
          </div>
          <Show when={news.myDrafts().length > 0}>
            <section class="stack" aria-labelledby="drafts-title">
              <h2 id="drafts-title">{t('news.drafts')}</h2>
              <PostList posts={news.myDrafts()} base={base} testid="draft-list" />
            </section>
          </Show>
          <Show when={news.published().length > 0} fallback={<EmptyState testid="news-empty" title={t('news.empty.title')} body={t('news.empty.body')} />}>
            <PostList posts={news.published()} base={base} testid="post-list" />
          </Show>
        </section>
      </Match>
    </Switch>
  );
}

function PostList(props: { readonly posts: readonly Post[]; readonly base: string; readonly testid: string }) {
  return (
    <CardLinkList
      items={props.posts}
      testid={props.testid}
      link={(post) => ({
        href: `${props.base}/${post.id}`,
        title: post.title,
        meta: `${t(post.kind === 'news' ? 'news.kind.news' : 'news.kind.blog')} · ${t('news.byline', { name: personName(post.author), date: formatDateTime(post.publishedAt || post.updatedAt) })}`,
      })}
    />
  );
}

function EditPost(props: { readonly news: NewsView; readonly base: string; readonly id: string }) {
  const detail = props.news.detail(props.id);
  return (
    <Show when={detail.post()} keyed fallback={<p class="notice">{t('organizing.notFound')}</p>}>
      {(post) => <PostEditor news={props.news} base={props.base} existing={post} />}
    </Show>
  );
}

function PostEditor(props: { readonly news: NewsView; readonly base: string; readonly existing?: Post }) {
  const [kind, setKind] = createSignal<string>(props.existing?.kind ?? 'news');
  const [title, setTitle] = createSignal(props.existing?.title ?? '');
  const [body, setBody] = createSignal(props.existing?.body ?? '');
  const [preview, setPreview] = createSignal(false);
  const [errors, setErrors] = createSignal<readonly OrganizingError[]>([]);
  let alert!: HTMLParagraphElement;
  const bytes = () => new TextEncoder().encode(body()).length;
  const save = (status: 'draft' | 'published') => {
    const input = { kind: kind(), title: title(), body: body(), status };
    const existing = props.existing;
    const result = existing ? props.news.update(existing.id, input) : props.news.create(input);
    if (!result.ok) {
      setErrors(result.error);
      alert.focus();
      return;
    }
    navigate(status === 'published' ? `${props.base}/${result.value}` : props.base, { replace: true });
  };
  return (
    <section class="stack" aria-labelledby="post-editor-title">
      <BackLink href={props.base} section={t('news.title')} />
      <h1 id="post-editor-title">{props.existing ? t('news.edit') : t('news.new')}</h1>
      <form
        class="card stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save('published');
        }}
      >
        <FormAlert show={errors().length > 0} ref={(el) => (alert = el)} />
        <SelectField
          id="post-kind"
          label={t('news.form.kind')}
          value={kind()}
          onChange={setKind}
          options={[
            { value: 'news', label: t('news.kind.news') },
            { value: 'blog', label: t('news.kind.blog') },
          ]}
        />
        <Field id="post-title" label={t('news.form.title')} value={title()} onInput={setTitle} error={errorFor(errors(), 'title')} required />
        <Field
          id="post-body"
          label={t('news.form.body')}
          help={t('news.form.bodyHelp', { max: LIMITS.postBytes / 1024 })}
          value={body()}
          onInput={setBody}
          error={errorFor(errors(), 'body')}
          multiline
          rows={10}
          required
        />
        <p class={bytes() > LIMITS.postBytes ? 'field-error' : 'muted'} aria-live="polite">
          {t('news.form.size', { size: formatBytes(bytes()), max: formatBytes(LIMITS.postBytes) })}
        </p>
        <div class="row">
          <button type="submit" class="button button-primary" data-testid="post-publish">
            {t('news.form.publish')}
          </button>
          <button type="button" class="button" data-testid="post-draft" onClick={() => save('draft')}>
            {t('news.form.saveDraft')}
          </button>
          <button type="button" class="button" aria-pressed={preview()} onClick={() => setPreview(!preview())}>
            {t('news.form.preview')}
          </button>
        </div>
      </form>
      <Show when={preview()}>
        <section class="card" aria-label={t('news.form.preview')}>
          <Markdown source={body()} testid="post-preview" />
        </section>
      </Show>
    </section>
  );
}

function PostDetail(props: { readonly news: NewsView; readonly id: string; readonly base: string }) {
  const detail = props.news.detail(props.id);
  const [reply, setReply] = createSignal('');
  const [errors, setErrors] = createSignal<readonly OrganizingError[]>([]);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const result = props.news.reply(props.id, reply());
    if (!result.ok) {
      setErrors(result.error);
      return;
    }
    setErrors([]);
    setReply('');
  };
  return (
    <Show
      when={detail.post()}
      fallback={
        <section class="stack">
          <BackLink href={props.base} section={t('news.title')} />
          <p class="notice" role="status">
            {t('organizing.notFound')}
          </p>
        </section>
      }
    >
      {(post) => (
        <article class="stack" aria-labelledby="post-title-heading">
          <BackLink href={props.base} section={t('news.title')} />
          <header class="org-head">
            <div>
              <h1 id="post-title-heading" data-testid="post-title-heading">
                {post().title}
              </h1>
              <p class="org-meta">
                <Show when={post().status === 'draft'}>
                  <span class="badge">{t('news.draft')}</span>{' '}
                </Show>
                {t(post().kind === 'news' ? 'news.kind.news' : 'news.kind.blog')} ·{' '}
                {t('news.byline', { name: personName(post().author), date: formatDateTime(post().publishedAt || post().updatedAt) })}
              </p>
            </div>
            <Show when={props.news.mine(post())}>
              <Link href={`${props.base}/edit-${post().id}`} class="button">
                {t('news.edit')}
              </Link>
            </Show>
          </header>
          <div class="card">
            <Markdown source={post().body} testid="post-body-rendered" />
          </div>
          <section class="stack" aria-labelledby="replies-title">
            <h2 id="replies-title">{t('news.replies', { count: detail.replies().length })}</h2>
            <Show when={detail.replies().length > 0} fallback={<p class="muted">{t('news.noReplies')}</p>}>
              <ul class="org-list" data-testid="reply-list">
                <For each={detail.replies()}>
                  {(item) => (
                    <li class="card org-item">
                      <span class="org-meta">{t('news.byline', { name: personName(item.author), date: formatDateTime(item.createdAt) })}</span>
                      <Markdown source={item.body} />
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <form class="stack" onSubmit={submit} noValidate>
              <Field id="reply-body" label={t('news.reply')} value={reply()} onInput={setReply} error={errorFor(errors(), 'reply')} multiline rows={3} />
              <div class="row">
                <button type="submit" class="button button-primary" data-testid="reply-submit">
                  {t('news.reply.submit')}
                </button>
              </div>
            </form>
          </section>
        </article>
      )}
    </Show>
  );
}
