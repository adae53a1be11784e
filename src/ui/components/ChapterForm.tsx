import { createSignal, For, Show } from 'solid-js';
import type { CreateChapterError } from '../../app/chapters';
import type { ChapterDetails, ChapterField, ChapterInput } from '../../domain/chapter';
import { BRANCH_LEVELS } from '../../domain/chapter';
import { type MessageKey, t } from '../../i18n';

type FormField = ChapterField | 'founderName';
export type ChapterFormValues = ChapterInput & { readonly founderName: string };
type TextField = Exclude<FormField, 'level'>;

interface Props {
  readonly initial: ChapterFormValues;
  /** Only when founding: the founder's name goes into the signed founding entry. */
  readonly askFounderName?: boolean;
  readonly submitLabel: string;
  readonly onSubmit: (
    input: ChapterFormValues,
  ) => Promise<readonly CreateChapterError[] | null> | readonly CreateChapterError[] | null;
  readonly onCancel?: () => void;
  readonly idPrefix: string;
}

export const inputFromDetails = (details: ChapterDetails): ChapterFormValues => ({
  founderName: '',
  name: details.name,
  city: details.location.city,
  region: details.location.region,
  country: details.location.country,
  foundedOn: details.foundedOn,
  description: details.description,
  languages: (details.languages ?? []).join(', '),
  links: (details.links ?? []).join('\n'),
});

type FieldSpec = {
  readonly field: TextField;
  readonly label: MessageKey;
  readonly type: 'text' | 'date' | 'textarea';
  readonly help?: MessageKey;
};

const FOUNDER_FIELD: FieldSpec = { field: 'founderName', label: 'chapter.form.founderName', type: 'text' };

const FIELDS: readonly FieldSpec[] = [
  { field: 'name', label: 'chapter.form.name', type: 'text' },
  { field: 'city', label: 'chapter.form.city', type: 'text' },
  { field: 'region', label: 'chapter.form.region', type: 'text' },
  { field: 'country', label: 'chapter.form.country', type: 'text' },
  { field: 'foundedOn', label: 'chapter.form.foundedOn', type: 'date' },
  { field: 'description', label: 'chapter.form.description', type: 'textarea' },
  { field: 'languages', label: 'chapter.form.languages', type: 'text', help: 'chapter.form.languagesHelp' },
  { field: 'links', label: 'chapter.form.links', type: 'textarea', help: 'chapter.form.linksHelp' },
];

export function errorMessage(error: CreateChapterError): string {
  switch (error.code) {
    case 'required':
      return t('chapter.error.required');
    case 'tooLong':
      return t('chapter.error.tooLong', { max: error.max });
    case 'invalidDate':
      return t('chapter.error.invalidDate');
    case 'dateOutOfRange':
      return t('chapter.error.dateOutOfRange', { min: error.min, max: error.max });
    case 'tooMany':
      return t('chapter.error.tooMany', { max: error.max });
    case 'invalidLink':
      return t('chapter.error.invalidLink', { value: error.value });
    case 'invalidLevel':
      return t('chapter.error.invalidLevel');
  }
}

/** Validation runs in the domain; the form only shows its typed errors next to each field. */
export function ChapterForm(props: Props) {
  const [values, setValues] = createSignal<ChapterFormValues>({ ...props.initial });
  const [errors, setErrors] = createSignal<readonly CreateChapterError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const errorFor = (field: FormField) => errors().find((error) => error.field === field);
  const set = (field: FormField, value: string) => setValues({ ...values(), [field]: value });
  const text = (field: TextField): string => values()[field] ?? '';
  const fields = props.askFounderName ? [...FIELDS, FOUNDER_FIELD] : FIELDS;
  let summary!: HTMLParagraphElement;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    const result = await props.onSubmit(values());
    setBusy(false);
    setErrors(result ?? []);
    if (result && result.length > 0) summary.focus();
  };

  return (
    <form class="chapter-form stack" onSubmit={submit} noValidate>
      <p ref={summary} tabindex="-1" class="notice notice-error" role="alert" hidden={errors().length === 0}>
        {t('chapter.form.fixErrors')}
      </p>
      <For each={fields}>
        {(spec) => {
          const id = `${props.idPrefix}-${spec.field}`;
          const error = () => errorFor(spec.field);
          const describedBy = () => [spec.help ? `${id}-help` : '', error() ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
          const common = {
            id,
            name: spec.field,
            'aria-invalid': error() ? true : undefined,
            'aria-describedby': describedBy(),
            'data-testid': id,
          };
          return (
            <div class="field">
              <label for={id}>
                {t(spec.label)}
              </label>
              <Show
                when={spec.type === 'textarea'}
                fallback={
                  <input
                    {...common}
                    type={spec.type}
                    required={spec.field === 'name' || spec.field === 'foundedOn' || spec.field === 'founderName'}
                    value={text(spec.field)}
                    onInput={(event) => set(spec.field, event.currentTarget.value)}
                  />
                }
              >
                <textarea {...common} rows={spec.field === 'links' ? 3 : 4} value={text(spec.field)} onInput={(event) => set(spec.field, event.currentTarget.value)} />
              </Show>
              <Show when={spec.help}>
                {(help) => (
                  <p class="field-help muted" id={`${id}-help`}>
                    {t(help())}
                  </p>
                )}
              </Show>
              <Show when={error()}>
                {(current) => (
                  <p class="field-error" id={`${id}-error`}>
                    {errorMessage(current())}
                  </p>
                )}
              </Show>
            </div>
          );
        }}
      </For>
      {/* The level is chosen when founding; edits keep it (a branch's place in the federation hangs on it). */}
      <Show when={props.askFounderName}>
        <div class="field">
          <label for={`${props.idPrefix}-level`}>{t('chapter.form.level')}</label>
          <select
            id={`${props.idPrefix}-level`}
            name="level"
            data-testid={`${props.idPrefix}-level`}
            value={values().level ?? 'local'}
            onChange={(event) => set('level', event.currentTarget.value)}
          >
            <For each={BRANCH_LEVELS}>{(level) => <option value={level}>{t(`chapter.level.${level}`)}</option>}</For>
          </select>
        </div>
      </Show>
      <div class="row">
        <button type="submit" class="button button-primary" disabled={busy()} data-testid={`${props.idPrefix}-submit`}>
          {props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="button" onClick={() => props.onCancel?.()}>
            {t('chapter.form.cancel')}
          </button>
        </Show>
      </div>
    </form>
  );
}
