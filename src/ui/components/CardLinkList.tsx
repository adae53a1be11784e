import { For, type JSX, Show } from 'solid-js';
import { Link } from './Link';

export interface CardLink {
  readonly href: string;
  readonly title: string;
  /** A second, quieter line (kind, dates, place, chapter…). */
  readonly meta?: JSX.Element;
}

/** A list of tappable cards, one per item: chapter choices, projects, events, posts. */
export function CardLinkList<T>(props: { readonly items: readonly T[]; readonly link: (item: T) => CardLink; readonly testid: string }) {
  return (
    <ul class="org-list" data-testid={props.testid}>
      <For each={props.items}>
        {(item) => {
          const link = () => props.link(item);
          return (
            <li>
              <Link href={link().href} class="card org-item">
                <span class="org-item-title">{link().title}</span>
                <Show when={link().meta}>
                  <span class="org-meta">{link().meta}</span>
                </Show>
              </Link>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
