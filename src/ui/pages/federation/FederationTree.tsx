import { For, Show } from 'solid-js';
import type { FederationNode } from '../../../app/federation';
import { t } from '../../../i18n';
import { Link } from '../../components/Link';
import { levelLabel, memberCountLabel } from './labels';

/** Nested lists: screen readers announce the nesting level and item counts without extra roles. */
export function FederationTree(props: { readonly nodes: readonly FederationNode[]; readonly label?: string }) {
  return (
    <ul class="federation-tree" aria-label={props.label}>
      <For each={props.nodes}>
        {(node) => (
          <li data-testid="federation-node" data-branch={node.name}>
            <div class="federation-node">
              <Show when={node.onDevice} fallback={<span class="federation-name">{node.name}</span>}>
                <Link href={`/chapters/${node.id}`}>{node.name}</Link>
              </Show>
              <span class="muted">{levelLabel(node.level)}</span>
              <span data-testid="federation-count">{node.onDevice ? memberCountLabel(node.memberCount) : t('federation.notOnDevice')}</span>
            </div>
            <Show when={node.children.length > 0}>
              <FederationTree nodes={node.children} />
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
