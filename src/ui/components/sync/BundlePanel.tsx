import { createSignal, For, Show } from 'solid-js';
import type { BundleErrorKind, ImportPreview, ImportSummary } from '../../../app/bundles';
import { useApp } from '../../../app/context';
import type { DocId } from '../../../domain/ids';
import { type MessageKey, t } from '../../../i18n';
import { download } from './download';
import './sync.css';

const errorKey = (kind: BundleErrorKind): MessageKey => `bundle.error.${kind}`;

/** Export documents to one file and import one: validated in full, previewed, then applied on confirm. */
export function BundlePanel() {
  const app = useApp();
  const [excluded, setExcluded] = createSignal<ReadonlySet<DocId>>(new Set());
  const [exportMessage, setExportMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [preview, setPreview] = createSignal<ImportPreview | null>(null);
  const [importError, setImportError] = createSignal<BundleErrorKind | null>(null);
  const [imported, setImported] = createSignal<ImportSummary | null>(null);
  let fileInput!: HTMLInputElement;

  const selected = () => app.entries().filter((entry) => !excluded().has(entry.id)).map((entry) => entry.id);
  const toggle = (docId: DocId, on: boolean) =>
    setExcluded((current) => {
      const next = new Set(current);
      if (on) next.delete(docId);
      else next.add(docId);
      return next;
    });

  const canShareFiles = () => typeof navigator.canShare === 'function' && typeof File !== 'undefined';

  const exportFile = async (share: boolean) => {
    setBusy(true);
    try {
      const bundle = await app.bundles.exportBundle(selected());
      if (share) {
        const file = new File([bundle.bytes], bundle.fileName, { type: 'application/octet-stream' });
        if (navigator.canShare({ files: [file] })) await navigator.share({ files: [file], title: bundle.fileName });
        else download(bundle.bytes, bundle.fileName);
      } else {
        download(bundle.bytes, bundle.fileName);
      }
      setExportMessage(t('bundle.exported', { count: bundle.documents }));
    } catch {
      // Share sheet dismissed: nothing to report.
    } finally {
      setBusy(false);
    }
  };

  const readFile = async (file: File | undefined) => {
    setPreview(null);
    setImportError(null);
    setImported(null);
    if (!file) return;
    setBusy(true);
    const result = await app.bundles.readImport(new Uint8Array(await file.arrayBuffer()));
    setBusy(false);
    if (result.ok) setPreview(result.value);
    else setImportError(result.error);
  };

  const confirm = async () => {
    const current = preview();
    if (!current) return;
    setBusy(true);
    setImported(await current.apply());
    setPreview(null);
    setBusy(false);
    fileInput.value = '';
  };

  const cancel = () => {
    setPreview(null);
    fileInput.value = '';
  };

  return (
    <section class="card stack sync-section" aria-labelledby="bundle-heading" data-testid="bundle-panel">
      <h2 id="bundle-heading">{t('bundle.heading')}</h2>
      <p class="muted">{t('bundle.help')}</p>

      <h3>{t('bundle.exportHeading')}</h3>
      <Show when={app.entries().length > 0} fallback={<p class="muted">{t('bundle.nothingToExport')}</p>}>
        <fieldset class="bundle-choice">
          <legend>{t('bundle.choose')}</legend>
          <For each={app.entries()}>
            {(entry) => (
              <label class="check-row">
                <input type="checkbox" checked={!excluded().has(entry.id)} onChange={(event) => toggle(entry.id, event.currentTarget.checked)} />
                <span>{entry.title || entry.id}</span>
              </label>
            )}
          </For>
        </fieldset>
        <div class="row">
          <button type="button" class="button button-primary" disabled={busy() || selected().length === 0} onClick={() => void exportFile(false)} data-testid="bundle-export">
            {t('bundle.export')}
          </button>
          <Show when={canShareFiles()}>
            <button type="button" class="button" disabled={busy() || selected().length === 0} onClick={() => void exportFile(true)}>
              {t('bundle.share')}
            </button>
          </Show>
        </div>
        <p role="status" data-testid="bundle-export-status">
          {exportMessage()}
        </p>
      </Show>

      <h3>{t('bundle.importHeading')}</h3>
      <label for="bundle-file" class="file-label">{t('bundle.importLabel')}</label>
      <input
        ref={fileInput}
        id="bundle-file"
        class="file-input"
        type="file"
        accept=".chbundle,application/octet-stream"
        data-testid="bundle-file"
        onChange={(event) => void readFile(event.currentTarget.files?.[0])}
      />
      <Show when={preview()}>
        {(plan) => (
          <div class="stack import-plan" data-testid="bundle-plan">
            <p>{t('bundle.plan', { added: plan().summary.added, updated: plan().summary.updated, unchanged: plan().summary.unchanged })}</p>
            <Show when={plan().skipped > 0}>
              <p class="muted">{t('bundle.planSkipped', { count: plan().skipped })}</p>
            </Show>
            <ul class="plain-list">
              <For each={plan().summary.entries}>
                {(entry) => (
                  <li>
                    {entry.title || entry.docId}: {t(`bundle.status.${entry.status}`)}
                  </li>
                )}
              </For>
            </ul>
            <div class="row">
              <button type="button" class="button button-primary" disabled={busy()} onClick={() => void confirm()} data-testid="bundle-confirm">
                {t('bundle.confirm')}
              </button>
              <button type="button" class="button" onClick={cancel}>
                {t('bundle.cancel')}
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={importError()}>
        {(kind) => (
          <p role="alert" class="notice notice-error" data-testid="bundle-error">
            {t(errorKey(kind()))}
          </p>
        )}
      </Show>
      <Show when={imported()}>
        {(done) => (
          <p role="status" data-testid="bundle-imported">
            {t('bundle.imported', { added: done().added, updated: done().updated, unchanged: done().unchanged })}
          </p>
        )}
      </Show>
    </section>
  );
}
