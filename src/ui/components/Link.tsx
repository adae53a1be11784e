import type { JSX } from 'solid-js';
import { splitProps } from 'solid-js';
import { navigate } from '../../app/router';

/** An ordinary link that navigates in-app, so pages switch instantly and work offline. */
export function Link(props: JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { readonly href: string }) {
  const [local, rest] = splitProps(props, ['href', 'children']);
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(local.href);
  };
  return (
    <a href={local.href} onClick={onClick} {...rest}>
      {local.children}
    </a>
  );
}
