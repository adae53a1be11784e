import { createSignal, type JSX, Show } from 'solid-js';
import type { OrganizingError } from '../../../app/projects';
import { PROJECT_KINDS } from '../../../domain/organizing/types';
import type { Result } from '../../../domain/result';
import { type MessageKey, t } from '../../../i18n';
import { errorFor, Field, FormAlert, SelectField } from './form-kit';

export interface ProjectValues {
  readonly title: string;
  readonly description: string;
  readonly kind: string;
}

/** A project's title, kind and description: for a new project and for editing one. */
export function ProjectForm(props: {
  readonly initial: ProjectValues;
  readonly submitLabel: string;
  readonly submitTestid: string;
  readonly onSubmit: (values: ProjectValues) => Result<unknown, readonly OrganizingError[]>;
  readonly onCancel?: () => void;
  readonly heading?: JSX.Element;
}) {
  const [title, setTitle] = createSignal(props.initial.title);
  const [description, setDescription] = createSignal(props.initial.description);
  const [kind, setKind] = createSignal(props.initial.kind);
  const [errors, setErrors] = createSignal<readonly OrganizingError[]>([]);
  let alert!: HTMLParagraphElement;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const result = props.onSubmit({ title: title(), description: description(), kind: kind() });
    if (!result.ok) {
      setErrors(result.error);
      alert.focus();
    }
  };
  return (
    <form class="card stack" onSubmit={submit} noValidate>
      {props.heading}
      <FormAlert show={errors().length > 0} ref={(el) => (alert = el)} />
      <Field id="project-title" label={t('projects.form.title')} value={title()} onInput={setTitle} error={errorFor(errors(), 'title')} required />
      <SelectField
        id="project-kind"
        label={t('projects.form.kind')}
        value={kind()}
        onChange={setKind}
        options={PROJECT_KINDS.map((value) => ({ value, label: t(`projects.kind.${value}` as MessageKey) }))}
      />
      <Field
        id="project-description"
        label={t('projects.form.description')}
        value={description()}
        onInput={setDescription}
        error={errorFor(errors(), 'description')}
        multiline
      />
      <div class="row">
        <button type="submit" class="button button-primary" data-testid={props.submitTestid}>
          {props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="button" onClick={() => cancel()()}>
              {t('organizing.cancel')}
            </button>
          )}
        </Show>
      </div>
    </form>
  );
}
