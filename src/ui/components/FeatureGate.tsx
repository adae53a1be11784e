import { createResource, type JSX, Show } from 'solid-js';
import { useApp } from '../../app/context';
import type { FeatureName } from '../../app/features';

/** Renders its children once a lazily loaded feature store is ready (its code is local). */
export function FeatureGate(props: { readonly feature: FeatureName | undefined; readonly children: JSX.Element }) {
  const app = useApp();
  const [ready] = createResource(
    () => ({ feature: props.feature }),
    async ({ feature }) => {
      if (feature) await app.features.load(feature);
      return true;
    },
  );
  return <Show when={ready()}>{props.children}</Show>;
}
