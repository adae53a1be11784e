import { Show } from 'solid-js';
import { useApp } from '../../../app/context';
import type { ChapterView } from '../../../app/chapters';
import { t } from '../../../i18n';

/**
 * On every tab of a chapter this device joined by a link: a warning if, once the chapter has
 * synced, the link's signer is not a member. Lazy-loaded with the members store (see ChapterPage).
 */
export default function ChapterInviterNotice(props: { readonly chapter: ChapterView }) {
  const app = useApp();
  const status = app.features.get('members').watchInviter(props.chapter.docId, props.chapter.entry.genesisId ?? null);
  return (
    <Show when={status() === 'notMember'}>
      <p class="notice notice-error" role="alert" data-testid="inviter-warning">
        {t('members.inviter.warning')}
      </p>
    </Show>
  );
}
