import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { useApp } from '../../../app/context';
import type { Offer, OrganizingError, ProjectsView } from '../../../app/projects';
import { navigate } from '../../../app/router';
import { OFFER_CATEGORIES, OFFER_DIRECTIONS } from '../../../domain/organizing/types';
import { type MessageKey, t } from '../../../i18n';
import { CardLinkList } from '../../components/CardLinkList';
import { Link } from '../../components/Link';
import type { SectionProps } from '../chapter/section-props';
import { BackLink, EmptyState, errorFor, Field, FormAlert, personName, SelectField } from './form-kit';
import { ProjectForm } from './ProjectForm';
import { RotationPanel } from './RotationPanel';

const kindLabel = (kind: string) => t(`projects.kind.${kind}` as MessageKey);

/** Projects of the chapter: the list, a new project, or one project with its offers and rotations. */
export default function ProjectsSection(props: SectionProps) {
  const app = useApp();
  const projects = app.features.get('projects').view(props.chapter.docId);
  const base = `/chapters/${props.chapter.docId}/projects`;
  return (
    <Switch>
      <Match when={props.itemId === 'new'}>
        <NewProject projects={projects} base={base} />
      </Match>
      <Match when={props.itemId}>{(id) => <ProjectDetail projects={projects} id={id()} base={base} />}</Match>
      <Match when={true}>
        <section class="stack" aria-labelledby="projects-title">
          <div class="org-head">
            <h1 id="projects-title">{t('projects.title')}</h1>
            <Link href={`${base}/new`} class="button button-primary" data-testid="new-project">
              {t('projects.new')}
            </Link>
          </div>
          <Show
            when={projects.projects().length > 0}
            fallback={<EmptyState testid="projects-empty" title={t('projects.empty.title')} body={t('projects.empty.body')} />}
          >
            <CardLinkList
              items={projects.projects()}
              testid="project-list"
              link={(project) => ({
                href: `${base}/${project.id}`,
                title: project.title,
                meta: `${kindLabel(project.kind)} · ${t('projects.participants', { count: project.participants.length })}`,
              })}
            />
          </Show>
        </section>
      </Match>
    </Switch>
  );
}

function NewProject(props: { readonly projects: ProjectsView; readonly base: string }) {
  return (
    <section class="stack" aria-labelledby="new-project-title">
      <BackLink href={props.base} section={t('projects.title')} />
      <h1 id="new-project-title">{t('projects.new')}</h1>
      <ProjectForm
        initial={{ title: '', description: '', kind: 'mutual-aid' }}
        submitLabel={t('projects.form.create')}
        submitTestid="project-submit"
        onSubmit={(values) => {
          const result = props.projects.create(values);
          if (result.ok) navigate(`${props.base}/${result.value}`, { replace: true });
          return result;
        }}
      />
    </section>
  );
}

function ProjectDetail(props: { readonly projects: ProjectsView; readonly id: string; readonly base: string }) {
  const detail = props.projects.detail(props.id);
  const meId = () => props.projects.me().id;
  const [status, setStatus] = createSignal('');
  const [editing, setEditing] = createSignal(false);
  return (
    <Show
      when={detail.project()}
      fallback={
        <section class="stack">
          <BackLink href={props.base} section={t('projects.title')} />
          <p class="notice" role="status">
            {t('organizing.notFound')}
          </p>
        </section>
      }
    >
      {(project) => (
        <article class="stack" aria-labelledby="project-title-heading">
          <BackLink href={props.base} section={t('projects.title')} />
          <header class="org-head">
            <div>
              <h1 id="project-title-heading" data-testid="project-title-heading">
                {project().title}
              </h1>
              <p class="org-meta">
                {kindLabel(project().kind)} · {t('projects.startedBy', { name: personName(project().createdBy, meId()) })}
              </p>
            </div>
            <Show
              when={detail.joined()}
              fallback={
                <button
                  type="button"
                  class="button button-primary"
                  data-testid="project-join"
                  onClick={() => props.projects.join(props.id) && setStatus(t('projects.joined'))}
                >
                  {t('projects.join')}
                </button>
              }
            >
              <button type="button" class="button" data-testid="project-leave" onClick={() => props.projects.leave(props.id) && setStatus(t('projects.left'))}>
                {t('projects.leave')}
              </button>
            </Show>
          </header>
          <div class="row">
            <button type="button" class="button" data-testid="project-edit" aria-expanded={editing()} onClick={() => setEditing(!editing())}>
              {t('projects.edit')}
            </button>
          </div>
          <Show when={editing()}>
            <ProjectForm
              initial={{ title: project().title, description: project().description, kind: project().kind }}
              heading={<h2>{t('projects.edit')}</h2>}
              submitLabel={t('projects.form.save')}
              submitTestid="project-save"
              onCancel={() => setEditing(false)}
              onSubmit={(values) => {
                const result = props.projects.update(props.id, values);
                if (result.ok) {
                  setEditing(false);
                  setStatus(t('projects.saved'));
                }
                return result;
              }}
            />
          </Show>
          <p role="status" class="muted">
            {status()}
          </p>
          <Show when={project().description}>
            <p class="org-text">{project().description}</p>
          </Show>
          <section class="card" aria-labelledby="participants-title">
            <h2 id="participants-title">{t('projects.participants', { count: project().participants.length })}</h2>
            <ul data-testid="project-participants">
              <For each={project().participants}>{(person) => <li>{personName(person, meId())}</li>}</For>
            </ul>
          </section>
          <Offers projects={props.projects} projectId={props.id} offers={detail.offers()} meId={meId()} />
          <RotationPanel projects={props.projects} projectId={props.id} project={project()} rotations={detail.rotations()} meId={meId()} />
        </article>
      )}
    </Show>
  );
}

function Offers(props: { readonly projects: ProjectsView; readonly projectId: string; readonly offers: readonly Offer[]; readonly meId: string }) {
  const [direction, setDirection] = createSignal('offer');
  const [category, setCategory] = createSignal('tool');
  const [title, setTitle] = createSignal('');
  const [details, setDetails] = createSignal('');
  const [availability, setAvailability] = createSignal('');
  const [errors, setErrors] = createSignal<readonly OrganizingError[]>([]);
  const [message, setMessage] = createSignal('');
  let alert!: HTMLParagraphElement;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const result = props.projects.addOffer(props.projectId, { direction: direction(), category: category(), title: title(), details: details(), availability: availability() });
    if (!result.ok) {
      setErrors(result.error);
      alert.focus();
      return;
    }
    setErrors([]);
    setTitle('');
    setDetails('');
    setAvailability('');
    setMessage(t('projects.offer.added'));
  };
  const act = (result: { readonly ok: boolean; readonly error?: readonly OrganizingError[] }) => {
    if (!result.ok && result.error?.[0]) setMessage(errorFor(result.error, result.error[0].field) ?? '');
  };
  return (
    <section class="card stack" aria-labelledby="offers-title">
      <h2 id="offers-title">{t('projects.offers')}</h2>
      <Show when={props.offers.length > 0} fallback={<p class="muted">{t('projects.offers.empty')}</p>}>
        <ul class="org-list" data-testid="offer-list">
          <For each={props.offers}>
            {(offer) => (
              <li class="card org-item" data-testid="offer">
                <span class="org-item-title">
                  <span class={`badge badge-${offer.status}`} data-testid="offer-status">
                    {t(`projects.offer.status.${offer.status}`)}
                  </span>{' '}
                  {offer.title}
                </span>
                <span class="org-meta">
                  {t(`projects.offer.category.${offer.category}`)} ·{' '}
                  {t('projects.offer.by', { direction: t(`projects.offer.direction.${offer.direction}`), name: personName(offer.author, props.meId) })}
                  <Show when={offer.availability}> · {offer.availability}</Show>
                </span>
                <Show when={offer.details}>
                  <p class="org-text">{offer.details}</p>
                </Show>
                <Show when={offer.claimedBy}>
                  {(by) => (
                    <span class="org-meta" data-testid="offer-claimed-by">
                      {t('projects.offer.claimedBy', { name: personName(by(), props.meId) })}
                    </span>
                  )}
                </Show>
                <div class="row">
                  <Show when={offer.status === 'open'}>
                    <button type="button" class="button button-primary" data-testid="offer-claim" onClick={() => act(props.projects.claim(offer.id))}>
                      {t('projects.offer.claim')}
                    </button>
                  </Show>
                  <Show when={offer.status === 'claimed' && (offer.claimedBy?.id === props.meId || offer.author.id === props.meId)}>
                    <button type="button" class="button" onClick={() => act(props.projects.release(offer.id))}>
                      {t('projects.offer.release')}
                    </button>
                  </Show>
                  <Show when={offer.status !== 'done'}>
                    <button type="button" class="button" data-testid="offer-done" onClick={() => act(props.projects.markDone(offer.id))}>
                      {t('projects.offer.done')}
                    </button>
                  </Show>
                  <Show when={offer.status === 'done'}>
                    <button type="button" class="button" onClick={() => act(props.projects.release(offer.id))}>
                      {t('projects.offer.reopen')}
                    </button>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="stack" onSubmit={submit} noValidate aria-labelledby="offer-form-title">
        <h3 id="offer-form-title">{t('projects.offer.new')}</h3>
        <FormAlert show={errors().length > 0} ref={(el) => (alert = el)} />
        <div class="grid-2">
          <SelectField
            id="offer-direction"
            label={t('projects.offer.direction')}
            value={direction()}
            onChange={setDirection}
            options={OFFER_DIRECTIONS.map((value) => ({ value, label: t(`projects.offer.direction.${value}`) }))}
          />
          <SelectField
            id="offer-category"
            label={t('projects.offer.category')}
            value={category()}
            onChange={setCategory}
            options={OFFER_CATEGORIES.map((value) => ({ value, label: t(`projects.offer.category.${value}`) }))}
          />
        </div>
        <Field id="offer-title" label={t('projects.offer.title')} value={title()} onInput={setTitle} error={errorFor(errors(), 'title')} required />
        <Field id="offer-availability" label={t('projects.offer.availability')} value={availability()} onInput={setAvailability} error={errorFor(errors(), 'availability')} />
        <Field id="offer-details" label={t('projects.offer.details')} value={details()} onInput={setDetails} error={errorFor(errors(), 'details')} multiline rows={2} />
        <div class="row">
          <button type="submit" class="button button-primary" data-testid="offer-submit">
            {t('projects.offer.add')}
          </button>
        </div>
        <p role="status" class="muted">
          {message()}
        </p>
      </form>
    </section>
  );
}

