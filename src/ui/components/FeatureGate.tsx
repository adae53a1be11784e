import { createResource, type JSX, Show } from 'solid-js';
import { useApp } from '../../app/context';
import type { FeatureName } from '../../app/features';
import { type CatalogName, loadCatalog } from '../../i18n';

/**
 * Renders its children once a lazily loaded feature store is ready (its code is local), or, given
 * only `strings`, once that catalog of strings is.
 */
export function FeatureGate(props: { readonly feature: FeatureName | undefined; readonly strings?: CatalogName; readonly children: JSX.Element }) {
  const app = useApp();
  const [ready] = createResource(
    () => ({ feature: props.feature, strings: props.strings }),
    async ({ feature, strings }) => {
      if (feature) await app.features.load(feature);
      else if (strings) await loadCatalog(strings);
      return true;
    },
  );
  return <Show when={ready()}>{props.children}</Show>;
}
