import { createSignal, For, type JSX, Show } from 'solid-js';
import type { AgendaItemError, MeetingsView, StoredAgendaItem } from '../../../app/meetings';
import { NOTES_LIMIT } from '../../../app/meetings';
import { t } from '../../../i18n';
import { CollaborativeTextarea } from '../../components/CollaborativeTextarea';
import { ActionItems } from './ActionItems';
import { ActionPicker } from './ActionPicker';
import { DecisionForm, DecisionList } from './DecisionForm';
import { meetingErrorText } from './messages';
import type { DecisionPanelProps } from './panel-props';

type Props = DecisionPanelProps;

/** Drag payload type: only agenda cards of this page are accepted as drops. */
const DRAG_TYPE = 'application/x-chapterhouse-agenda-item';

export function AgendaPanel(props: Props) {
  const items = () => props.detail.agenda();
  const live = () => items().filter((item) => !item.removed);
  const nextLive = (id: string): string | null => {
    const list = live();
    return list[list.findIndex((item) => item.id === id) + 1]?.id ?? null;
  };
  return (
    <section class="stack" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('meetings.agenda')}</h2>
      <Show when={items().length > 0} fallback={<p class="muted">{t('meetings.agenda.empty')}</p>}>
        <ol class="agenda" data-testid="agenda">
          <For each={items()}>
            {(item) => (
              <AgendaItemCard
                {...props}
                item={item}
                first={live()[0]?.id === item.id}
                last={live().at(-1)?.id === item.id}
                nextId={nextLive(item.id)}
              />
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.meetings.me()}>
        <AddAgendaItem meetings={props.meetings} meetingId={props.meetingId} />
        <ActionPicker meetings={props.meetings} meetingId={props.meetingId} />
      </Show>
      <ActionItems {...props} agendaItemId={null} />
    </section>
  );
}

function AddAgendaItem(props: { readonly meetings: MeetingsView; readonly meetingId: string }) {
  const [title, setTitle] = createSignal('');
  const [presenter, setPresenter] = createSignal('');
  const [timebox, setTimebox] = createSignal('10');
  const [errors, setErrors] = createSignal<readonly AgendaItemError[]>([]);
  const errorOf = (field: string) => {
    const e = errors().find((x) => x.field === field);
    return e ? meetingErrorText(e) : undefined;
  };
  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    const minutes = timebox().trim() === '' ? 0 : Number(timebox());
    const result = props.meetings.agenda.add(props.meetingId, {
      title: title(),
      presenter: presenter() ? { kind: 'member', memberId: presenter() as never } : null,
      timeboxMinutes: minutes,
      pollId: null,
    });
    if (!result.ok) return setErrors(result.error);
    setErrors([]);
    setTitle('');
  };
  return (
    <form class="card stack no-print" onSubmit={submit} noValidate aria-label={t('meetings.agenda.add')}>
      <div class="field">
        <label for="agenda-title-input">{t('meetings.agenda.itemTitle')}</label>
        <input id="agenda-title-input" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} aria-invalid={errorOf('title') ? true : undefined} />
        <Show when={errorOf('title')}>
          {(text) => (
            <p class="field-error" role="alert">
              {text()}
            </p>
          )}
        </Show>
      </div>
      <div class="row">
        <div class="field">
          <label for="agenda-presenter">{t('meetings.agenda.presenter')}</label>
          <select id="agenda-presenter" value={presenter()} onChange={(e) => setPresenter(e.currentTarget.value)}>
            <option value="">{t('meetings.form.nobody')}</option>
            <For each={props.meetings.activeMembers()}>{(m) => <option value={m.id}>{m.name}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="agenda-timebox">{t('meetings.agenda.timebox')}</label>
          <input id="agenda-timebox" class="narrow" inputmode="numeric" value={timebox()} onInput={(e) => setTimebox(e.currentTarget.value)} />
          <Show when={errorOf('timeboxMinutes')}>
            {(text) => (
              <p class="field-error" role="alert">
                {text()}
              </p>
            )}
          </Show>
        </div>
      </div>
      <button type="submit" class="button button-primary" data-testid="add-agenda-item">
        {t('meetings.agenda.add')}
      </button>
    </form>
  );
}

function AgendaItemCard(props: Props & { readonly item: StoredAgendaItem; readonly first: boolean; readonly last: boolean; readonly nextId: string | null }) {
  const notes = props.meetings.agenda.notes(props.item.id);
  const presence = props.meetings.agenda.presence(props.item.id);
  const [tooLarge, setTooLarge] = createSignal<number | null>(null);
  const [dropAt, setDropAt] = createSignal<'before' | 'after' | null>(null);
  const decisions = () => props.detail.decisions().filter((d) => d.agendaItemId === props.item.id);
  // Refuses oversized pastes before they reach the shared text (the store also caps it).
  const onPaste = (event: ClipboardEvent) => {
    const size = event.clipboardData?.getData('text/plain').length ?? 0;
    const area = event.target as HTMLTextAreaElement;
    const selected = Math.abs(area.selectionEnd - area.selectionStart);
    if (area.value.length - selected + size > NOTES_LIMIT) {
      event.preventDefault();
      setTooLarge(size);
    } else setTooLarge(null);
  };
  const a = () => props.meetings.agenda;
  const handleId = `drag-${props.item.id}`;
  // Moving the card re-inserts its DOM node, which drops focus; put it back on the handle.
  const refocus = () => requestAnimationFrame(() => document.getElementById(handleId)?.focus());
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || props.item.removed || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const target = event.target as HTMLElement;
    if (target.closest('textarea, input, select')) return;
    event.preventDefault();
    if (a().move(props.meetingId, props.item.id, event.key === 'ArrowUp' ? -1 : 1)) refocus();
  };
  const half = (event: DragEvent): 'before' | 'after' => {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return event.clientY < box.top + box.height / 2 ? 'before' : 'after';
  };
  const onDragOver = (event: DragEvent) => {
    if (props.item.removed || !event.dataTransfer?.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDropAt(half(event));
  };
  const onDrop = (event: DragEvent) => {
    const id = event.dataTransfer?.getData(DRAG_TYPE);
    setDropAt(null);
    if (!id || props.item.removed) return;
    event.preventDefault();
    a().moveBefore(props.meetingId, id, half(event) === 'before' ? props.item.id : props.nextId);
  };
  return (
    <li
      class="card stack agenda-item"
      classList={{ 'drop-before': dropAt() === 'before', 'drop-after': dropAt() === 'after' }}
      data-testid="agenda-item"
      data-removed={props.item.removed ? 'true' : 'false'}
      onKeyDown={onKeyDown}
      onDragOver={onDragOver}
      onDragLeave={() => setDropAt(null)}
      onDrop={onDrop}
    >
      <div class="row agenda-head">
        <h3>{props.item.title}</h3>
        <span class="muted">
          <Show when={props.item.timeboxMinutes > 0}>{t('meetings.agenda.meta', { minutes: props.item.timeboxMinutes })}</Show>
          <Show when={props.item.presenter?.kind === 'member' && props.item.presenter}>
            {(p) => ` · ${t('meetings.agenda.by', { name: props.name((p() as { memberId: string }).memberId) })}`}
          </Show>
          <Show when={props.item.fromActionId}>{` · ${t('meetings.agenda.fromAction')}`}</Show>
        </span>
      </div>
      <Show when={props.item.removed}>
        <p class="notice" data-testid="removed-item">
          {t('meetings.agenda.removed')}
        </p>
      </Show>
      <Show when={props.meetings.me()}>
        <div class="row no-print">
          <Show
            when={!props.item.removed}
            fallback={
              <button type="button" class="button" onClick={() => a().restore(props.item.id)}>
                {t('meetings.agenda.restore', { title: props.item.title })}
              </button>
            }
          >
            <button
              type="button"
              id={handleId}
              class="button icon drag-handle"
              draggable={true}
              data-testid="drag-handle"
              aria-label={t('meetings.agenda.drag', { title: props.item.title })}
              title={t('meetings.agenda.drag', { title: props.item.title })}
              onDragStart={(event) => {
                event.dataTransfer?.setData(DRAG_TYPE, props.item.id);
                if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
              }}
            >
              ⠿
            </button>
            <button type="button" class="button icon" disabled={props.first} aria-label={t('meetings.agenda.up', { title: props.item.title })} onClick={() => a().move(props.meetingId, props.item.id, -1)}>
              ↑
            </button>
            <button type="button" class="button icon" disabled={props.last} aria-label={t('meetings.agenda.down', { title: props.item.title })} onClick={() => a().move(props.meetingId, props.item.id, 1)}>
              ↓
            </button>
            <button type="button" class="button" aria-label={t('meetings.agenda.remove', { title: props.item.title })} onClick={() => a().remove(props.item.id)}>
              ✕
            </button>
          </Show>
        </div>
      </Show>
      <Show when={notes}>
        {(text) => (
          <div onPaste={onPaste} class="minutes-notes">
            <CollaborativeTextarea
              text={text()}
              id={`notes-${props.item.id}`}
              label={t('meetings.notes', { title: props.item.title })}
              help={t('meetings.notes.help')}
              presence={presence}
              presenceLabel={(names) => t('meetings.presence.here', { names })}
            />
          </div>
        )}
      </Show>
      <Show when={tooLarge()}>
        {(size) => (
          <p class="field-error" role="alert" data-testid="paste-too-large">
            {t('meetings.notes.tooLarge', { size: size(), max: NOTES_LIMIT })}
          </p>
        )}
      </Show>
      <Show when={decisions().length > 0}>
        <h4>{t('meetings.decisions')}</h4>
        <DecisionList {...props} decisions={decisions()} />
      </Show>
      <Show when={props.meetings.me() && !props.item.removed}>
        <DecisionForm {...props} />
      </Show>
      <ActionItems {...props} agendaItemId={props.item.id} />
    </li>
  );
}
