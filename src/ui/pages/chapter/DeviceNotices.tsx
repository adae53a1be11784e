import { Show } from 'solid-js';
import type { ChapterView } from '../../../app/chapters';
import { useApp } from '../../../app/context';
import type { VandalismReport } from '../../../app/vandalism';
import { t } from '../../../i18n';
import { FeatureGate } from '../../components/FeatureGate';
import { Link } from '../../components/Link';

/**
 * What this device must tell about the chapter on every section: edits that could not be stored,
 * and signed records a peer removed or altered.
 */
export function DeviceNotices(props: { readonly chapter: ChapterView }) {
  return (
    <>
      {/* Storage full or failing: the edits live only in memory, so the export is offered at once. */}
      <Show when={props.chapter.saveState() === 'failed'}>
        <div class="notice notice-error stack" role="alert" data-testid="save-failed">
          <p>{t('storage.saveFailed')}</p>
          <Link href="/sync" class="button button-primary" data-testid="save-failed-export">
            {t('storage.saveFailedExport')}
          </Link>
        </div>
      </Show>
      <FeatureGate feature="vandalism">
        <VandalismNotice chapter={props.chapter} />
      </FeatureGate>
    </>
  );
}

// Record keys start with their kind ("ballot:<poll>:<signature>"); counted here without loading the watch code.
const countKinds = (report: VandalismReport) => {
  const kinds = [...report.removed, ...report.altered].map((key) => key.slice(0, key.indexOf(':')));
  return {
    count: kinds.length,
    members: kinds.filter((kind) => kind === 'member').length,
    polls: kinds.filter((kind) => kind === 'poll' || kind === 'ballot' || kind === 'pollClose').length,
    minutes: kinds.filter((kind) => kind === 'minutes').length,
  };
};

function VandalismNotice(props: { readonly chapter: ChapterView }) {
  const app = useApp();
  const view = app.features.get('vandalism').view(props.chapter.docId);
  const counts = () => countKinds(view.report());
  return (
    <>
      <Show when={counts().count > 0}>
        <div class="notice notice-error stack" role="alert" data-testid="vandalism">
          <p>{t('vandalism.detected', counts())}</p>
          <button type="button" class="button button-primary" onClick={() => view.restore()} data-testid="vandalism-restore">
            {t('vandalism.restore')}
          </button>
        </div>
      </Show>
      <Show when={view.restored()}>
        {(count) => (
          <p class="notice" role="status" data-testid="vandalism-restored">
            {t('vandalism.restored', { count: count() })}
          </p>
        )}
      </Show>
    </>
  );
}
