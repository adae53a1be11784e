import { createSignal, Show } from 'solid-js';
import { isoToLocalInput, localInputToIso } from '../../../app/events';
import type { PollError, PollsView } from '../../../app/polls';
import { POLL_METHODS } from '../../../app/polls';
import { navigate } from '../../../app/router';
import { type MessageKey, t } from '../../../i18n';
import { BackLink, Field, FormAlert, SelectField } from '../projects/form-kit';
import { createElectorateForm, ElectorateFields } from './ElectorateFields';

export function pollErrorText(error: PollError): string {
  const key = `polls.error.${error.code}` as MessageKey;
  switch (error.code) {
    case 'tooLong':
    case 'tooManyOptions':
    case 'badSeats':
    case 'badWeight':
      return t(key, { max: error.max });
    case 'tooFewOptions':
      return t(key, { min: error.min });
    case 'duplicateOption':
      return t(key, { option: error.option });
    default:
      return t(key);
  }
}

const errorFor = (errors: readonly PollError[], field: string): string | undefined => {
  const found = errors.find((error) => error.field === field);
  return found ? pollErrorText(found) : undefined;
};

const DAY = 24 * 60 * 60 * 1000;

export function NewPoll(props: { polls: PollsView; base: string }) {
  const [question, setQuestion] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [method, setMethod] = createSignal<string>('yesno');
  const [options, setOptions] = createSignal('');
  const [seats, setSeats] = createSignal('2');
  const [threshold, setThreshold] = createSignal<'simple' | 'twoThirds' | 'custom'>('simple');
  const [custom, setCustom] = createSignal('60');
  const [quorum, setQuorum] = createSignal('0');
  const [closesAt, setClosesAt] = createSignal(isoToLocalInput(new Date(Date.now() + DAY).toISOString()));
  const [showResults, setShowResults] = createSignal(false);
  const [allowChange, setAllowChange] = createSignal(true);
  const [anyMember, setAnyMember] = createSignal(false);
  const [errors, setErrors] = createSignal<readonly PollError[]>([]);
  const [actionError, setActionError] = createSignal('');
  const electorate = createElectorateForm(props.polls);
  let alert: HTMLParagraphElement | undefined;
  const hasOptions = () => !['yesno', 'consent'].includes(method());

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await props.polls.create({
      question: question(),
      description: description(),
      options: options().split('\n'),
      method: method(),
      seats: Number(seats()),
      threshold: threshold(),
      customThreshold: Number(custom()),
      quorum: Number(quorum() || '0'),
      closesAt: localInputToIso(closesAt()),
      showResultsBeforeClose: showResults(),
      allowBallotChange: allowChange(),
      anyMemberMayClose: anyMember(),
      ...electorate.input(),
    });
    if (result.ok) return navigate(`${props.base}/${result.value}`, { replace: true });
    if (typeof result.error === 'string') return setActionError(t(`polls.action.${result.error}`));
    setErrors(result.error);
    queueMicrotask(() => alert?.focus());
  };

  const check = (id: string, label: string, value: () => boolean, set: (v: boolean) => void) => (
    <div class="poll-check">
      <input id={id} data-testid={id} type="checkbox" checked={value()} onChange={(e) => set(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );

  return (
    <section class="stack polls" aria-labelledby="new-poll-title">
      <BackLink href={props.base} section={t('polls.title')} />
      <h1 id="new-poll-title">{t('polls.form.title')}</h1>
      <form class="card stack" onSubmit={submit} noValidate>
        <FormAlert show={errors().length > 0} ref={(el) => (alert = el)} />
        <Show when={actionError()}>
          <p class="notice notice-error" role="alert">
            {actionError()}
          </p>
        </Show>
        <Field id="poll-question" label={t('polls.form.question')} value={question()} onInput={setQuestion} error={errorFor(errors(), 'question')} required />
        <Field id="poll-description" label={t('polls.form.description')} value={description()} onInput={setDescription} multiline rows={3} error={errorFor(errors(), 'description')} />
        <SelectField
          id="poll-method"
          label={t('polls.form.method')}
          value={method()}
          options={POLL_METHODS.map((value) => ({ value, label: t(`polls.method.${value}`) }))}
          onChange={setMethod}
        />
        <Show when={hasOptions()}>
          <Field id="poll-options" label={t('polls.form.options')} value={options()} onInput={setOptions} multiline rows={4} error={errorFor(errors(), 'options')} required />
        </Show>
        <Show when={method() === 'stv'}>
          <Field id="poll-seats" label={t('polls.form.seats')} value={seats()} onInput={setSeats} error={errorFor(errors(), 'seats')} />
        </Show>
        <Show when={method() === 'yesno'}>
          <SelectField
            id="poll-threshold"
            label={t('polls.form.threshold')}
            value={threshold()}
            options={(['simple', 'twoThirds', 'custom'] as const).map((value) => ({ value, label: t(`polls.form.threshold.${value}`) }))}
            onChange={(value) => setThreshold(value as 'simple' | 'twoThirds' | 'custom')}
          />
          <Show when={threshold() === 'custom'}>
            <Field id="poll-custom-threshold" label={t('polls.form.customThreshold')} value={custom()} onInput={setCustom} error={errorFor(errors(), 'threshold')} />
          </Show>
        </Show>
        <Show when={method() === 'yesno' || method() === 'consent'}>
          <Field id="poll-quorum" label={t('polls.form.quorum')} value={quorum()} onInput={setQuorum} error={errorFor(errors(), 'quorum')} />
        </Show>
        <Field id="poll-closes" type="datetime-local" label={t('polls.form.closesAt')} value={closesAt()} onInput={setClosesAt} error={errorFor(errors(), 'closesAt')} required />
        {check('poll-show-results', t('polls.form.showResults'), showResults, setShowResults)}
        {check('poll-allow-change', t('polls.form.allowChange'), allowChange, setAllowChange)}
        {check('poll-any-member-close', t('polls.form.anyMemberMayClose'), anyMember, setAnyMember)}
        <ElectorateFields polls={props.polls} form={electorate} scopeError={errorFor(errors(), 'scope')} weightsError={errorFor(errors(), 'weights')} />
        <button type="submit" class="button button-primary" data-testid="poll-submit">
          {t('polls.form.submit')}
        </button>
      </form>
    </section>
  );
}
