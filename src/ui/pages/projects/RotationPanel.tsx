import { createMemo, createSignal, For, Show } from 'solid-js';
import type { OrganizingError, Project, ProjectsView, RotationFailure, StoredRotation } from '../../../app/projects';
import type { RotationError, RotationPeriod } from '../../../domain/rotation/model';
import { cycleOf, membersOf, upcomingSlots } from '../../../domain/rotation/rotation';
import { formatDate, locale, t } from '../../../i18n';
import { errorFor, Field, FormAlert, personName, SelectField } from './form-kit';

interface Props {
  readonly projects: ProjectsView;
  readonly projectId: string;
  readonly project: Project;
  readonly rotations: readonly StoredRotation[];
  readonly meId: string;
}

const today = () => new Date().toISOString().slice(0, 10);

function rotationErrorText(error: RotationError): string {
  switch (error.code) {
    case 'sameMember':
      return t('rotation.error.sameMember');
    case 'notMember':
      return t('rotation.error.notMember');
    case 'alreadyMember':
      return t('rotation.error.alreadyMember');
    case 'invalidStart':
      return t('rotation.error.invalidStart');
    default:
      return t('rotation.error.other');
  }
}

function failureText(failure: RotationFailure): string {
  if (failure.kind === 'rotation') return failure.errors[0] ? rotationErrorText(failure.errors[0]) : '';
  const first = failure.errors[0];
  return first ? (errorFor(failure.errors, first.field) ?? '') : '';
}

/** Fair rotations of a project: create one over the participants, see it as a list or a month. */
export function RotationPanel(props: Props) {
  const [creating, setCreating] = createSignal(false);
  return (
    <section class="card stack" aria-labelledby="rotations-title">
      <div class="org-head">
        <h2 id="rotations-title">{t('rotation.title')}</h2>
        <button type="button" class="button" aria-expanded={creating()} data-testid="rotation-new" onClick={() => setCreating(!creating())}>
          {t('rotation.new')}
        </button>
      </div>
      <p class="muted">{t('rotation.help')}</p>
      <Show when={creating()}>
        <NewRotation {...props} onDone={() => setCreating(false)} />
      </Show>
      <Show when={props.rotations.length > 0} fallback={<p class="muted">{t('rotation.empty')}</p>}>
        <For each={props.rotations}>{(stored) => <RotationView {...props} stored={stored} />}</For>
      </Show>
    </section>
  );
}

function NewRotation(props: Props & { readonly onDone: () => void }) {
  const [title, setTitle] = createSignal('');
  const [period, setPeriod] = createSignal<RotationPeriod>('weekly');
  const [start, setStart] = createSignal(today());
  const [agreed, setAgreed] = createSignal('');
  const [errors, setErrors] = createSignal<readonly OrganizingError[]>([]);
  const [problem, setProblem] = createSignal('');
  let alert!: HTMLParagraphElement;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const result = props.projects.createRotation(props.projectId, { title: title(), period: period(), start: start(), agreedValue: agreed() });
    if (!result.ok) {
      setErrors(result.error.kind === 'input' ? result.error.errors : []);
      setProblem(result.error.kind === 'rotation' ? failureText(result.error) : '');
      alert.focus();
      return;
    }
    props.onDone();
  };
  return (
    <form class="stack" onSubmit={submit} noValidate>
      <FormAlert show={errors().length > 0 || problem() !== ''} ref={(el) => (alert = el)} />
      <Show when={problem()}>
        <p class="field-error">{problem()}</p>
      </Show>
      <Field id="rotation-title" label={t('rotation.form.title')} value={title()} onInput={setTitle} error={errorFor(errors(), 'title')} required />
      <div class="grid-2">
        <SelectField
          id="rotation-period"
          label={t('rotation.form.period')}
          value={period()}
          onChange={(value) => setPeriod(value === 'monthly' ? 'monthly' : 'weekly')}
          options={[
            { value: 'weekly', label: t('rotation.period.weekly') },
            { value: 'monthly', label: t('rotation.period.monthly') },
          ]}
        />
        <Field id="rotation-start" type="date" label={t('rotation.form.start')} value={start()} onInput={setStart} required />
      </div>
      <Field
        id="rotation-agreed"
        label={t('rotation.form.agreedValue')}
        help={t('rotation.form.agreedHelp')}
        value={agreed()}
        onInput={setAgreed}
        error={errorFor(errors(), 'agreedValue') ?? errorFor(errors(), 'participant')}
        required
      />
      <div class="row">
        <button type="submit" class="button button-primary" data-testid="rotation-submit">
          {t('rotation.form.create', { count: props.project.participants.length })}
        </button>
      </div>
    </form>
  );
}

function RotationView(props: Props & { readonly stored: StoredRotation }) {
  const rotation = () => props.stored.rotation;
  const [mode, setMode] = createSignal<'list' | 'calendar'>('list');
  const [message, setMessage] = createSignal('');
  const name = (id: string) => {
    const person = props.project.participants.find((p) => p.id === id) ?? { id, name: '' };
    return personName(person, props.meId);
  };
  const currentCycle = createMemo(() => {
    const cycle = cycleOf(rotation(), new Date().toISOString());
    return cycle.ok ? Math.max(0, cycle.value) : 0;
  });
  const upcoming = createMemo(() => {
    const slots = upcomingSlots(rotation(), new Date().toISOString(), 8);
    return slots.ok ? slots.value : [];
  });
  const isMemberNext = createMemo(() => {
    const members = membersOf(rotation(), currentCycle() + 1);
    return members.ok && members.value.includes(props.meId);
  });
  const report = (result: { readonly ok: true } | { readonly ok: false; readonly error: RotationFailure }, success: string) =>
    setMessage(result.ok ? success : failureText(result.error));

  return (
    <article class="stack rotation" data-testid="rotation" aria-labelledby={`rotation-${rotation().id}`}>
      <div class="org-head">
        <h3 id={`rotation-${rotation().id}`}>{props.stored.title}</h3>
        <fieldset class="segmented">
          <legend class="visually-hidden">{t('rotation.title')}</legend>
          <button type="button" class="button" aria-pressed={mode() === 'list'} onClick={() => setMode('list')}>
            {t('rotation.view.list')}
          </button>
          <button type="button" class="button" aria-pressed={mode() === 'calendar'} data-testid="rotation-calendar" onClick={() => setMode('calendar')}>
            {t('rotation.view.calendar')}
          </button>
        </fieldset>
      </div>
      <p class="org-meta">
        {t(rotation().period === 'weekly' ? 'rotation.period.weekly' : 'rotation.period.monthly')} · {formatDate(rotation().start)} ·{' '}
        {t('rotation.swaps', { count: rotation().swaps.length })}
      </p>
      <p class="org-meta">
        {t('rotation.seed')}:{' '}
        <code class="seed" data-testid="rotation-seed">
          {rotation().seed}
        </code>
      </p>
      <p class="org-meta">{t('rotation.seedHelp')}</p>
      <Show when={mode() === 'list'} fallback={<MonthView rotation={props.stored} name={name} />}>
        <h4>{t('rotation.upcoming')}</h4>
        <Show when={upcoming().length > 0} fallback={<p class="muted">{t('rotation.noSlots')}</p>}>
          <ol class="org-list" data-testid="rotation-slots">
            <For each={upcoming()}>
              {(slot) => (
                <li class="org-item">
                  <span class="org-item-title">{name(slot.memberId)}</span>
                  <span class="org-meta">
                    {t('rotation.slot', { from: formatDate(slot.slotStart), to: formatDate(slot.slotEnd) })} · {t('rotation.cycle', { cycle: slot.cycle })}
                  </span>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </Show>
      <SwapForm {...props} cycle={currentCycle()} name={name} onResult={report} />
      <div class="row">
        <Show
          when={isMemberNext()}
          fallback={
            <Show when={props.project.participants.some((p) => p.id === props.meId)}>
              <button type="button" class="button" onClick={() => report(props.projects.joinRotation(rotation().id), t('rotation.joined'))}>
                {t('rotation.joinRotation')}
              </button>
            </Show>
          }
        >
          <button type="button" class="button" onClick={() => report(props.projects.leaveRotation(rotation().id), t('rotation.left'))}>
            {t('rotation.leaveRotation')}
          </button>
        </Show>
      </div>
      <p role="status" class="muted" data-testid="rotation-message">
        {message()}
      </p>
    </article>
  );
}

function SwapForm(
  props: Props & {
    readonly stored: StoredRotation;
    readonly cycle: number;
    readonly name: (id: string) => string;
    readonly onResult: (result: { readonly ok: true } | { readonly ok: false; readonly error: RotationFailure }, success: string) => void;
  },
) {
  const [cycle, setCycle] = createSignal(String(props.cycle));
  const members = createMemo(() => {
    const list = membersOf(props.stored.rotation, Number(cycle()));
    return list.ok ? list.value : [];
  });
  const [a, setA] = createSignal('');
  const [b, setB] = createSignal('');
  const options = () => members().map((id) => ({ value: id, label: props.name(id) }));
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const first = a() || members()[0] || '';
    const second = b() || members()[1] || '';
    props.onResult(props.projects.swap(props.stored.rotation.id, Number(cycle()), first, second), t('rotation.swap.done'));
  };
  return (
    <details>
      <summary class="button">{t('rotation.swap')}</summary>
      <form class="stack" onSubmit={submit} noValidate>
        <SelectField
          id={`swap-cycle-${props.stored.rotation.id}`}
          label={t('rotation.swap.cycle')}
          value={cycle()}
          onChange={setCycle}
          options={[0, 1, 2].map((offset) => ({ value: String(props.cycle + offset), label: t('rotation.cycle', { cycle: props.cycle + offset }) }))}
        />
        <div class="grid-2">
          <SelectField id={`swap-a-${props.stored.rotation.id}`} label={t('rotation.swap.a')} value={a() || members()[0] || ''} onChange={setA} options={options()} />
          <SelectField id={`swap-b-${props.stored.rotation.id}`} label={t('rotation.swap.b')} value={b() || members()[1] || ''} onChange={setB} options={options()} />
        </div>
        <div class="row">
          <button type="submit" class="button">
            {t('rotation.swap.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}

interface DayCell {
  readonly iso: string | null;
  readonly day: number;
  readonly who: string;
}

// Monday to Sunday in the interface language (5 January 2026 was a Monday).
const weekdays = () => [0, 1, 2, 3, 4, 5, 6].map((i) => new Intl.DateTimeFormat(locale(), { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 5 + i))));
const pad = (n: number) => String(n).padStart(2, '0');

/** A simple month grid (UTC days, Monday first) with who holds the slot on each day. */
function MonthView(props: { readonly rotation: StoredRotation; readonly name: (id: string) => string }) {
  const now = new Date();
  const [month, setMonth] = createSignal({ year: now.getUTCFullYear(), month: now.getUTCMonth() });
  const todayIso = today();
  const days = createMemo(() => {
    const { year, month: m } = month();
    const first = new Date(Date.UTC(year, m, 1));
    const count = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
    const lead = (first.getUTCDay() + 6) % 7;
    const startIso = `${year}-${pad(m + 1)}-01`;
    const slots = upcomingSlots(props.rotation.rotation, startIso, 40);
    const list = slots.ok ? slots.value : [];
    const cells: DayCell[] = [];
    for (let i = 0; i < lead; i++) cells.push({ iso: null, day: 0, who: '' });
    for (let d = 1; d <= count; d++) {
      const iso = `${year}-${pad(m + 1)}-${pad(d)}`;
      const slot = list.find((s) => s.slotStart <= iso && iso < s.slotEnd);
      cells.push({ iso, day: d, who: slot ? props.name(slot.memberId) : '' });
    }
    while (cells.length % 7 !== 0) cells.push({ iso: null, day: 0, who: '' });
    return cells;
  });
  const weeks = createMemo(() => {
    const rows: DayCell[][] = [];
    const all = days();
    for (let i = 0; i < all.length; i += 7) rows.push(all.slice(i, i + 7));
    return rows;
  });
  const label = () => new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(month().year, month().month, 1)));
  const shift = (delta: number) => {
    const { year, month: m } = month();
    const next = new Date(Date.UTC(year, m + delta, 1));
    setMonth({ year: next.getUTCFullYear(), month: next.getUTCMonth() });
  };
  return (
    <div class="stack" data-testid="rotation-month">
      <div class="org-head">
        <button type="button" class="button" aria-label={t('rotation.prevMonth')} onClick={() => shift(-1)}>
          ‹
        </button>
        <h4 aria-live="polite">{label()}</h4>
        <button type="button" class="button" aria-label={t('rotation.nextMonth')} onClick={() => shift(1)}>
          ›
        </button>
      </div>
      <table class="month">
        <caption class="visually-hidden">{label()}</caption>
        <thead>
          <tr>
            <For each={weekdays()}>{(day) => <th scope="col">{day}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={weeks()}>
            {(week) => (
              <tr>
                <For each={week}>
                  {(cell) => (
                    <td class={`month-day${cell.iso ? '' : ' month-day-outside'}${cell.iso === todayIso ? ' month-day-today' : ''}`}>
                      <Show when={cell.iso}>
                        <span class="month-day-num">{cell.day}</span>
                        <span>{cell.who}</span>
                      </Show>
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
