import { createSignal, For, Show } from 'solid-js';
import type { CreateChapterError } from '../../app/chapters';
import type { ChapterDetails, ChapterField, ChapterInput } from '../../domain/chapter';
import { type MessageKey, t } from '../../i18n';
import './ChapterForm.css';

type FormField = ChapterField | 'founderName';
export type ChapterFormValues = ChapterInput & { readonly founderName: string };

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
});

type FieldSpec = { readonly field: FormField; readonly label: MessageKey; readonly type: 'text' | 'date' | 'textarea' };

const FOUNDER_FIELD: FieldSpec = { field: 'founderName', label: 'chapter.form.founderName', type: 'text' };

const FIELDS: readonly FieldSpec[] = [
  { field: 'name', label: 'chapter.form.name', type: 'text' },
  { field: 'city', label: 'chapter.form.city', type: 'text' },
  { field: 'region', label: 'chapter.form.region', type: 'text' },
  { field: 'country', label: 'chapter.form.country', type: 'text' },
  { field: 'foundedOn', label: 'chapter.form.foundedOn', type: 'date' },
  { field: 'description', label: 'chapter.form.description', type: 'textarea' },
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
  }
}

/** Validation runs in the domain; the form only shows its typed errors next to each field. */
export function ChapterForm(props: Props) {
  const [values, setValues] = createSignal<ChapterFormValues>({ ...props.initial });
  const [errors, setErrors] = createSignal<readonly CreateChapterError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const errorFor = (field: FormField) => errors().find((error) => error.field === field);
  const set = (field: FormField, value: string) => setValues({ ...values(), [field]: value });
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
          const common = {
            id,
            name: spec.field,
            'aria-invalid': error() ? true : undefined,
            'aria-describedby': error() ? `${id}-error` : undefined,
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
                    value={values()[spec.field]}
                    onInput={(event) => set(spec.field, event.currentTarget.value)}
                  />
                }
              >
                <textarea {...common} rows={4} value={values()[spec.field]} onInput={(event) => set(spec.field, event.currentTarget.value)} />
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
