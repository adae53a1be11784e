import { createMemo, createSignal, For, Show } from 'solid-js';
import { useApp } from '../../../app/context';
import type { DocId } from '../../../domain/ids';
import { t } from '../../../i18n';
import { Link } from '../../components/Link';
import { federationError, levelLabel } from './labels';
import './federation.css';

/** A branch's place in the federation, on its overview: parent, join requests, asking to join. */
export default function FederationPanel(props: { readonly docId: DocId }) {
  const store = useApp().features.get('federation');
  const info = createMemo(() => store.branchFederation(props.docId));
  const waiting = createMemo(() => info()?.requests.filter((request) => !request.acceptedBy) ?? []);
  const joined = createMemo(() => info()?.requests.filter((request) => request.acceptedBy && !request.leftBy) ?? []);
  const former = createMemo(() => info()?.requests.filter((request) => request.leftBy) ?? []);
  const [leaving, setLeaving] = createSignal(false);
  const leave = async () => {
    setBusy(true);
    const result = await store.leaveParent(props.docId);
    setBusy(false);
    setLeaving(false);
    setMessage(result.ok ? { error: false, text: t('federation.leave.done') } : { error: true, text: federationError(result.error) });
  };
  const [choice, setChoice] = createSignal('');
  const [message, setMessage] = createSignal<{ readonly error: boolean; readonly text: string } | null>(null);
  const [busy, setBusy] = createSignal(false);

  // Until the user picks, the first candidate is the one shown and the one used.
  const chosen = () => {
    const candidates = info()?.candidates ?? [];
    return candidates.find((candidate) => candidate.id === choice()) ?? candidates[0];
  };
  const ask = async (event: SubmitEvent) => {
    event.preventDefault();
    const child = chosen();
    if (!child || busy()) return;
    setBusy(true);
    const result = await store.requestJoin(props.docId, child.id);
    setBusy(false);
    setMessage(result.ok ? { error: false, text: t('federation.ask.sent') } : { error: true, text: federationError(result.error) });
  };
  const accept = async (requestId: Parameters<typeof store.accept>[1]) => {
    const result = await store.accept(props.docId, requestId);
    setMessage(result.ok ? null : { error: true, text: federationError(result.error) });
  };

  return (
    <section class="card stack federation-panel" aria-labelledby="federation-panel-title" data-testid="federation-panel">
      <div class="row federation-head">
        <h2 id="federation-panel-title">{t('federation.title')}</h2>
        <Link href="/federation" class="button" data-testid="view-federation">
          {t('federation.viewTree')}
        </Link>
      </div>
      <Show when={info()} fallback={<p class="muted">{t('federation.checking')}</p>}>
        {(current) => (
          <>
            <p data-testid="branch-level">{levelLabel(current().level)}</p>
            <Show when={current().level !== 'international'}>
              <Show when={current().parent} fallback={<p class="muted">{t('federation.noParent')}</p>}>
                {(parent) => (
                  <>
                    <p data-testid="branch-parent">
                      <Show when={parent().onDevice} fallback={t('federation.partOf', { name: parent().name })}>
                        <Link href={`/chapters/${parent().id}`}>{t('federation.partOf', { name: parent().name })}</Link>
                      </Show>
                    </p>
                    <Show when={current().canAccept}>
                      <Show
                        when={leaving()}
                        fallback={
                          <button type="button" class="button" onClick={() => setLeaving(true)} data-testid="leave-parent">
                            {t('federation.leave.button', { name: parent().name })}
                          </button>
                        }
                      >
                        <div class="stack notice">
                          <p id="leave-parent-question">{t('federation.leave.confirm', { name: parent().name })}</p>
                          <div class="row">
                            <button type="button" class="button button-primary" disabled={busy()} onClick={() => void leave()} data-testid="leave-parent-confirm">
                              {t('federation.leave.submit')}
                            </button>
                            <button type="button" class="button" onClick={() => setLeaving(false)}>
                              {t('federation.leave.cancel')}
                            </button>
                          </div>
                        </div>
                      </Show>
                    </Show>
                  </>
                )}
              </Show>
            </Show>
            <Show when={current().level !== 'local'}>
              <Show when={waiting().length > 0}>
                <h3>{t('federation.requests.title')}</h3>
                <ul class="federation-list" data-testid="federation-requests">
                  <For each={waiting()}>
                    {(request) => (
                      <li class="row federation-item">
                        <span>
                          <strong>{request.childName}</strong> <span class="muted">{levelLabel(request.childLevel)}</span>
                        </span>
                        <Show when={current().canAccept} fallback={<span class="muted">{t('federation.requests.waiting')}</span>}>
                          <button type="button" class="button button-primary" onClick={() => void accept(request.id)}>
                            {t('federation.requests.accept', { name: request.childName })}
                          </button>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <h3>{t('federation.members.title')}</h3>
              <Show when={joined().length > 0} fallback={<p class="muted">{t('federation.members.empty')}</p>}>
                <ul class="federation-list" data-testid="federation-members">
                  <For each={joined()}>
                    {(request) => (
                      <li class="federation-item">
                        <strong>{request.childName}</strong> <span class="muted">{levelLabel(request.childLevel)}</span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={former().length > 0}>
                <p class="muted" data-testid="federation-former">
                  {t('federation.members.left', { names: former().map((request) => request.childName).join(', ') })}
                </p>
              </Show>
              {/* Members who speak for this branch only see the asking part when they could use it. */}
              <Show when={current().candidates.length > 0 || !current().canAccept}>
                <h3>{t('federation.ask.title')}</h3>
              </Show>
              <Show
                when={current().candidates.length > 0}
                fallback={
                  <Show when={!current().canAccept}>
                    <p class="muted">{t('federation.ask.none')}</p>
                  </Show>
                }
              >
                <form class="row federation-ask" onSubmit={ask}>
                  <div class="field">
                    <label for="federation-child">{t('federation.ask.label')}</label>
                    <select id="federation-child" data-testid="federation-child" onChange={(event) => setChoice(event.currentTarget.value)}>
                      <For each={current().candidates}>{(candidate) => (
                          // `selected` per option: a select's value set before its options exist is lost.
                          <option value={candidate.id} selected={candidate.id === chosen()?.id}>
                            {candidate.name}
                          </option>
                        )}</For>
                    </select>
                  </div>
                  <button type="submit" class="button button-primary" disabled={busy()} data-testid="ask-join">
                    {t('federation.ask.submit')}
                  </button>
                </form>
              </Show>
            </Show>
            <Show when={current().invalidCount > 0}>
              <p class="notice" data-testid="federation-invalid">
                {t('federation.invalid', { count: current().invalidCount })}
              </p>
            </Show>
            <p role={message()?.error ? 'alert' : 'status'} class={message()?.error ? 'notice notice-error' : 'muted'} hidden={!message()}>
              {message()?.text}
            </p>
          </>
        )}
      </Show>
    </section>
  );
}
