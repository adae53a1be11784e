import { createSignal, Match, Show, Switch } from 'solid-js';
import { useApp } from '../../../app/context';
import type { PairingError } from '../../../app/pairing';
import { type MessageKey, t } from '../../../i18n';
import { CodeBox } from './CodeBox';
import { QrFrames } from './QrFrames';
import { QrScanner } from './QrScanner';
import './sync.css';

const errorKey = (error: PairingError): MessageKey => `pairing.error.${error}`;

/** Direct pairing: A shows an offer, B answers, A reads the answer; then both sync what they share. */
export function PairingPanel() {
  const app = useApp();
  const pairing = app.pairing;
  const state = pairing.state;
  const [joining, setJoining] = createSignal(false);
  const [scanning, setScanning] = createSignal(false);
  const [text, setText] = createSignal('');

  const answerOffer = async (code: string) => {
    setScanning(false);
    if (await pairing.answer(code)) setText('');
  };
  const acceptAnswer = async (code: string) => {
    setScanning(false);
    if (await pairing.acceptAnswer(code)) setText('');
  };
  const reset = () => {
    pairing.disconnect();
    setJoining(false);
    setScanning(false);
    setText('');
  };

  const pasteForm = (id: string, label: string, action: string, testId: string, submit: (code: string) => void) => (
    <form
      class="stack"
      onSubmit={(event) => {
        event.preventDefault();
        submit(text());
      }}
    >
      <label for={id}>{label}</label>
      <textarea id={id} class="code-text" rows="3" value={text()} onInput={(event) => setText(event.currentTarget.value)} data-testid={testId} />
      <div class="row">
        <button type="submit" class="button button-primary" disabled={text().trim() === ''} data-testid={`${testId}-submit`}>
          {action}
        </button>
        <Show when={!scanning()}>
          <button type="button" class="button" onClick={() => setScanning(true)}>
            {t('pairing.scan')}
          </button>
        </Show>
      </div>
      <Show when={scanning()}>
        <QrScanner onCode={submit} onClose={() => setScanning(false)} />
      </Show>
    </form>
  );

  return (
    <section class="card stack sync-section" aria-labelledby="pairing-heading" data-testid="pairing-panel">
      <h2 id="pairing-heading">{t('pairing.heading')}</h2>
      <p class="muted">{t('pairing.help')}</p>
      <Switch>
        <Match when={state().phase === 'idle' && !joining()}>
          <div class="row">
            <button type="button" class="button button-primary" onClick={() => void pairing.startOffer()} data-testid="pairing-start">
              {t('pairing.start')}
            </button>
            <button type="button" class="button" onClick={() => setJoining(true)} data-testid="pairing-join">
              {t('pairing.join')}
            </button>
          </div>
        </Match>
        <Match when={state().phase === 'idle' && joining()}>
          {pasteForm('pairing-offer-input', t('pairing.pasteOffer'), t('pairing.answer'), 'pairing-offer-input', (code) => void answerOffer(code))}
          <button type="button" class="button" onClick={reset}>
            {t('pairing.cancel')}
          </button>
        </Match>
        <Match when={state().phase === 'preparing'}>
          <p role="status">{t('pairing.preparing')}</p>
        </Match>
        <Match when={state().phase === 'showingOffer'}>
          <p>{t('pairing.step1')}</p>
          <QrFrames frames={state().frames} testId="pairing-offer-qr" />
          <CodeBox id="pairing-offer" label={t('pairing.offerLabel')} code={state().code ?? ''} testId="pairing-offer" />
          <p>{t('pairing.step2')}</p>
          {pasteForm('pairing-answer-input', t('pairing.pasteAnswer'), t('pairing.connect'), 'pairing-answer-input', (code) => void acceptAnswer(code))}
          <button type="button" class="button" onClick={reset}>
            {t('pairing.cancel')}
          </button>
        </Match>
        <Match when={state().phase === 'showingAnswer'}>
          <p>{t('pairing.showAnswer')}</p>
          <QrFrames frames={state().frames} testId="pairing-answer-qr" />
          <CodeBox id="pairing-answer" label={t('pairing.answerLabel')} code={state().code ?? ''} testId="pairing-answer" />
          <p role="status">{t('pairing.connecting')}</p>
          <button type="button" class="button" onClick={reset}>
            {t('pairing.cancel')}
          </button>
        </Match>
        <Match when={state().phase === 'connecting'}>
          <p role="status">{t('pairing.connecting')}</p>
        </Match>
        <Match when={state().phase === 'connected'}>
          <p role="status" data-testid="pairing-status">
            {state().shared === 0 ? t('pairing.noShared') : t('pairing.connected', { shared: state().shared, synced: state().synced })}
          </p>
          <button type="button" class="button" onClick={reset} data-testid="pairing-disconnect">
            {t('pairing.disconnect')}
          </button>
        </Match>
        <Match when={state().phase === 'closed' || state().phase === 'failed'}>
          <p role="status">{state().phase === 'closed' ? t('pairing.closed') : ''}</p>
          <button type="button" class="button" onClick={reset}>
            {t('pairing.cancel')}
          </button>
        </Match>
      </Switch>
      <Show when={state().error}>
        {(error) => (
          <p role="alert" class="notice notice-error" data-testid="pairing-error">
            {t(errorKey(error()))}
          </p>
        )}
      </Show>
    </section>
  );
}
