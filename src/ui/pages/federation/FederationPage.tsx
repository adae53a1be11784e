import { createMemo, Show } from 'solid-js';
import { useApp } from '../../../app/context';
import { t } from '../../../i18n';
import { FeatureGate } from '../../components/FeatureGate';
import { Link } from '../../components/Link';
import { FederationTree } from './FederationTree';
import './federation.css';

/** The federation as a tree: international → national → regional → local, with member counts. */
export function FederationPage() {
  return (
    <FeatureGate feature="federation">
      <FederationView />
    </FeatureGate>
  );
}

function FederationView() {
  const store = useApp().features.get('federation');
  const tree = createMemo(() => store.tree());
  return (
    <section class="stack" aria-labelledby="federation-title">
      <div class="row federation-head">
        <h1 id="federation-title">{t('federation.title')}</h1>
        <Link href="/directory" class="button">
          {t('chapter.directory')}
        </Link>
      </div>
      <p class="muted">{t('federation.intro')}</p>
      <Show
        when={tree().length > 0}
        fallback={
          <p class="card empty-state" data-testid="federation-empty">
            {t('federation.empty')}
          </p>
        }
      >
        <div class="card">
          <FederationTree nodes={tree()} label={t('federation.tree')} />
        </div>
      </Show>
    </section>
  );
}
