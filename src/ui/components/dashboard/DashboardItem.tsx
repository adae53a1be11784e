import { Link } from '../Link';

/** One row of a dashboard card: a link with its title and a line of details. */
export function Item(props: { readonly href: string; readonly title: string; readonly meta: string }) {
  return (
    <Link href={props.href}>
      <span class="dashboard-item-title">{props.title}</span>
      <span class="dashboard-item-meta">{props.meta}</span>
    </Link>
  );
}
