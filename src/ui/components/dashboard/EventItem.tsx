import type { ListedEvent } from '../../../app/dashboard';
import { listedTimes } from '../../../domain/organizing/shared-events';
import { t } from '../../../i18n';
import { eventStartLabel } from '../../pages/events/event-time';
import { Item } from './DashboardItem';

/** An own branch's event links to it; a copy another chapter shared links to the copy in the branch holding it. */
export default function EventItem(props: { readonly row: ListedEvent }) {
  const times = () => listedTimes(props.row);
  const href = () =>
    props.row.kind === 'own'
      ? `/chapters/${props.row.entry.chapterId}/events/${props.row.entry.item.id}`
      : `/chapters/${props.row.heldIn}/events/${props.row.copy.key}`;
  const meta = () =>
    [times().cancelled ? t('events.cancelled') : '', eventStartLabel(times()), times().place, times().chapterName].filter(Boolean).join(' · ');
  return <Item href={href()} title={times().title} meta={meta()} />;
}
