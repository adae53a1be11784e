import { For, type JSX, Show } from 'solid-js';
import type { OrganizingError, Person } from '../../../app/projects';
import { t } from '../../../i18n';
import { Link } from '../../components/Link';
import './organizing.css';

/** Small shared pieces of the organizing screens (projects, events, news). */

export function errorText(error: OrganizingError): string {
  switch (error.code) {
    case 'required':
      return t('organizing.error.required');
    case 'tooLong':
      return t('organizing.error.tooLong', { max: error.max });
    case 'tooLarge':
      return t('organizing.error.tooLarge', { bytes: error.bytes, max: error.maxBytes });
    case 'invalidChoice':
      return t('organizing.error.invalidChoice');
    case 'invalidDate':
      return t('organizing.error.invalidDate');
    case 'endBeforeStart':
      return t('organizing.error.endBeforeStart');
    case 'invalidUrl':
      return t('organizing.error.invalidUrl');
    case 'invalidTransition':
      return t('organizing.error.invalidTransition', { from: error.from, to: error.to });
    case 'notParticipant':
      return t('organizing.error.notParticipant');
    case 'notFound':
      return t('organizing.error.notFound');
  }
}

export const errorFor = (errors: readonly OrganizingError[], field: string): string | undefined => {
  const found = errors.find((error) => error.field === field);
  return found ? errorText(found) : undefined;
};

export function personName(person: Person, meId?: string): string {
  const name = person.name || t('organizing.someone', { id: person.id.slice(0, 6) });
  return meId && person.id === meId ? `${name} (${t('organizing.you')})` : name;
}

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly error?: string | undefined;
  readonly help?: string;
  readonly type?: 'text' | 'date' | 'datetime-local' | 'url';
  readonly multiline?: boolean;
  readonly rows?: number;
  readonly required?: boolean;
}

export function Field(props: FieldProps) {
  const describedBy = () => [props.error ? `${props.id}-error` : '', props.help ? `${props.id}-help` : ''].filter(Boolean).join(' ') || undefined;
  const common = (): JSX.InputHTMLAttributes<HTMLInputElement> & JSX.TextareaHTMLAttributes<HTMLTextAreaElement> => ({
    id: props.id,
    name: props.id,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy(),
    'aria-required': props.required ? true : undefined,
  });
  return (
    <div class="field">
      <label for={props.id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      <Show
        when={props.multiline}
        fallback={<input {...common()} data-testid={props.id} type={props.type ?? 'text'} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />}
      >
        <textarea {...common()} data-testid={props.id} rows={props.rows ?? 4} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
      </Show>
      <Show when={props.help}>
        <p class="muted field-help" id={`${props.id}-help`}>
          {props.help}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`} data-testid={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

export function SelectField(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly onChange: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} data-testid={props.id} class="select" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <For each={props.options}>{(option) => <option value={option.value}>{option.label}</option>}</For>
      </select>
    </div>
  );
}

/** The summary a failed submit moves focus to. */
export function FormAlert(props: { readonly show: boolean; readonly ref?: (el: HTMLParagraphElement) => void }) {
  return (
    <p ref={props.ref} tabindex="-1" class="notice notice-error" role="alert" hidden={!props.show}>
      {t('organizing.fixErrors')}
    </p>
  );
}

export function BackLink(props: { readonly href: string; readonly section: string }) {
  return (
    <Link href={props.href} class="back-link">
      {t('organizing.backTo', { section: props.section })}
    </Link>
  );
}

export function EmptyState(props: { readonly title: string; readonly body: string; readonly testid: string; readonly children?: JSX.Element }) {
  return (
    <div class="card empty-state" data-testid={props.testid}>
      <h2>{props.title}</h2>
      <p class="muted">{props.body}</p>
      {props.children}
    </div>
  );
}
