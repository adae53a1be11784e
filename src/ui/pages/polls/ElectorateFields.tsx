import { createSignal, For, Show } from 'solid-js';
import type { PollsView, ScopeInput, WeightsInput } from '../../../app/polls';
import { formatDateTime, t } from '../../../i18n';
import { Field, SelectField } from '../projects/form-kit';

/** The electorate, weights and minutes link of a new poll: state plus what it contributes to the input. */
export function createElectorateForm(polls: PollsView) {
  const [scopeKind, setScopeKind] = createSignal<'chapter' | 'group' | 'chapters'>('chapter');
  const [groupName, setGroupName] = createSignal('');
  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(new Set());
  const [chosenChapters, setChosenChapters] = createSignal<ReadonlySet<string>>(new Set());
  const [weightKind, setWeightKind] = createSignal<'equal' | 'custom' | 'perChapter'>('equal');
  const [reason, setReason] = createSignal('');
  const [weights, setWeights] = createSignal<Readonly<Record<string, string>>>({});
  const [minutes, setMinutes] = createSignal('');
  /** What custom weights apply to: the chosen member chapters, the chosen group, or every member. */
  const electorate = () =>
    scopeKind() === 'chapters'
      ? polls.memberChapters().filter((c) => chosenChapters().has(c.id))
      : scopeKind() === 'chapter'
        ? polls.members()
        : polls.members().filter((m) => chosen().has(m.id));
  const scope = (): ScopeInput =>
    scopeKind() === 'chapter'
      ? { kind: 'chapter' }
      : scopeKind() === 'chapters'
        ? { kind: 'chapters', chapters: [...chosenChapters()] }
        : { kind: 'group', name: groupName(), members: [...chosen()] };
  const weightsInput = (): WeightsInput => {
    if (weightKind() === 'equal') return { kind: 'equal' };
    if (weightKind() === 'perChapter') return { kind: 'perChapter' };
    // An empty or unreadable box is NaN, which validation reports for that member.
    const table = Object.fromEntries(electorate().map((m) => [m.id, Number((weights()[m.id] ?? '1').trim() || Number.NaN)]));
    return { kind: 'custom', reason: reason(), weights: table };
  };
  const link = () => polls.agendaItems().find((item) => `${item.meetingId}/${item.agendaItemId}` === minutes()) ?? null;
  return {
    scopeKind,
    setScopeKind,
    groupName,
    setGroupName,
    chosen,
    setChosen,
    chosenChapters,
    setChosenChapters,
    weightKind,
    setWeightKind,
    reason,
    setReason,
    weights,
    setWeights,
    minutes,
    setMinutes,
    electorate,
    input: () => ({ scope: scope(), weights: weightsInput(), minutes: link() }),
  };
}

export type ElectorateForm = ReturnType<typeof createElectorateForm>;

function Choice<T extends string>(props: { name: string; legend: string; value: T; items: readonly { value: T; label: string }[]; onChange: (v: T) => void }) {
  return (
    <fieldset class="poll-choices stack">
      <legend>{props.legend}</legend>
      <For each={props.items}>
        {(item) => (
          <div class="poll-check">
            <input
              type="radio"
              id={`${props.name}-${item.value}`}
              data-testid={`${props.name}-${item.value}`}
              name={props.name}
              checked={props.value === item.value}
              onChange={() => props.onChange(item.value)}
            />
            <label for={`${props.name}-${item.value}`}>{item.label}</label>
          </div>
        )}
      </For>
    </fieldset>
  );
}

export function ElectorateFields(props: { polls: PollsView; form: ElectorateForm; scopeError?: string | undefined; weightsError?: string | undefined }) {
  const f = props.form;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(f.chosen());
    if (on) next.add(id);
    else next.delete(id);
    f.setChosen(next);
  };
  const toggleChapter = (id: string, on: boolean) => {
    const next = new Set(f.chosenChapters());
    if (on) next.add(id);
    else next.delete(id);
    f.setChosenChapters(next);
  };
  const chooseScope = (kind: 'chapter' | 'group' | 'chapters') => {
    f.setScopeKind(kind);
    // Splitting per chapter only means something for a poll put to member chapters.
    if (kind !== 'chapters' && f.weightKind() === 'perChapter') f.setWeightKind('equal');
  };
  const fromProject = (index: string) => {
    const group = props.polls.groups()[Number(index)];
    if (!group) return;
    f.setGroupName(group.name);
    f.setChosen(new Set(group.memberIds));
  };
  return (
    <>
      <Choice
        name="poll-scope"
        legend={t('polls.form.scope')}
        value={f.scopeKind()}
        items={[
          { value: 'chapter', label: t('polls.form.scope.chapter') },
          { value: 'group', label: t('polls.form.scope.group') },
          ...(props.polls.memberChapters().length > 0 ? [{ value: 'chapters' as const, label: t('polls.form.scope.chapters') }] : []),
        ]}
        onChange={chooseScope}
      />
      <Show when={f.scopeKind() === 'chapters'}>
        <div class="card stack poll-subform">
          <CheckList
            legend={t('polls.form.scope.pickChapters')}
            idPrefix="poll-scope-chapter"
            items={props.polls.memberChapters()}
            checked={(id) => f.chosenChapters().has(id)}
            onToggle={toggleChapter}
            error={props.scopeError}
          />
        </div>
      </Show>
      <Show when={f.scopeKind() === 'group'}>
        <div class="card stack poll-subform">
          <Show when={props.polls.groups().length > 0}>
            <SelectField
              id="poll-scope-project"
              label={t('polls.form.scope.fromProject')}
              value=""
              options={[{ value: '', label: t('polls.form.scope.pickProject') }, ...props.polls.groups().map((g, i) => ({ value: String(i), label: g.name }))]}
              onChange={fromProject}
            />
          </Show>
          <Field id="poll-scope-name" label={t('polls.form.scope.name')} value={f.groupName()} onInput={f.setGroupName} required />
          <CheckList
            legend={t('polls.form.scope.members')}
            idPrefix="poll-scope-member"
            items={props.polls.members()}
            checked={(id) => f.chosen().has(id)}
            onToggle={toggle}
            error={props.scopeError}
          />
        </div>
      </Show>
      <Choice
        name="poll-weights"
        legend={t('polls.form.weightRule')}
        value={f.weightKind()}
        items={[
          { value: 'equal', label: t('polls.form.weightRule.equal') },
          ...(f.scopeKind() === 'chapters' ? [{ value: 'perChapter' as const, label: t('polls.form.weightRule.perChapter') }] : []),
          { value: 'custom', label: t(f.scopeKind() === 'chapters' ? 'polls.form.weightRule.customChapters' : 'polls.form.weightRule.custom') },
        ]}
        onChange={f.setWeightKind}
      />
      <Show when={f.weightKind() === 'custom'}>
        <div class="card stack poll-subform">
          <p class="muted">{t('polls.form.weightHelp')}</p>
          <Field id="poll-weight-reason" label={t('polls.form.weightReason')} value={f.reason()} onInput={f.setReason} multiline rows={2} required />
          <For each={f.electorate()}>
            {(member, index) => (
              <div class="field poll-weight">
                <label for={`poll-weight-${index()}`}>{t('polls.form.weightFor', { name: member.name })}</label>
                <input
                  id={`poll-weight-${index()}`}
                  inputmode="decimal"
                  value={f.weights()[member.id] ?? '1'}
                  onInput={(e) => f.setWeights({ ...f.weights(), [member.id]: e.currentTarget.value })}
                />
              </div>
            )}
          </For>
          <Show when={props.weightsError}>
            <p class="field-error" data-testid="poll-weights-error" role="alert">
              {props.weightsError}
            </p>
          </Show>
        </div>
      </Show>
      <Show when={props.polls.agendaItems().length > 0}>
        <SelectField
          id="poll-minutes"
          label={t('polls.form.minutes')}
          value={f.minutes()}
          options={[
            { value: '', label: t('polls.form.minutes.none') },
            ...props.polls.agendaItems().map((item) => ({
              value: `${item.meetingId}/${item.agendaItemId}`,
              label: t('polls.form.minutes.item', { meeting: item.meetingTitle, date: formatDateTime(item.startsAt), item: item.itemTitle }),
            })),
          ]}
          onChange={f.setMinutes}
        />
      </Show>
    </>
  );
}

/** Checkboxes for who a poll is put to (members of a group, or member chapters), with the scope's error. */
function CheckList<Id extends string>(props: {
  readonly legend: string;
  readonly idPrefix: string;
  readonly items: readonly { readonly id: Id; readonly name: string }[];
  readonly checked: (id: Id) => boolean;
  readonly onToggle: (id: Id, checked: boolean) => void;
  readonly error: string | undefined;
}) {
  return (
    <>
      <fieldset class="poll-choices" aria-describedby={props.error ? 'poll-scope-error' : undefined}>
        <legend>{props.legend}</legend>
        <For each={props.items}>
          {(item, index) => (
            <div class="poll-check">
              <input
                type="checkbox"
                id={`${props.idPrefix}-${index()}`}
                checked={props.checked(item.id)}
                onChange={(e) => props.onToggle(item.id, e.currentTarget.checked)}
              />
              <label for={`${props.idPrefix}-${index()}`}>{item.name}</label>
            </div>
          )}
        </For>
      </fieldset>
      <Show when={props.error}>
        <p class="field-error" id="poll-scope-error" data-testid="poll-scope-error">
          {props.error}
        </p>
      </Show>
    </>
  );
}
