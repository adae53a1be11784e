import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { useApp } from '../../app/context';
import { navigate } from '../../app/router';
import type { InviteError } from '../../domain/invite';
import { type MessageKey, t } from '../../i18n';
import { Link } from '../components/Link';

const ERRORS: Readonly<Record<InviteError, MessageKey>> = {
  missing: 'join.error.missing',
  malformed: 'join.error.malformed',
  badDocId: 'join.error.badDocId',
  badSecret: 'join.error.badSecret',
  badGenesis: 'join.error.badGenesis',
  tampered: 'join.error.tampered',
  expired: 'join.error.expired',
};

/** Opens an invite link; a bad link changes nothing and says what is wrong. */
export function JoinPage() {
  const app = useApp();
  const [error, setError] = createSignal<InviteError | null>(null);
  const open = async () => {
    setError(null);
    const parsed = await app.invites.openLink(location.hash);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    const docId = await app.chapters.joinChapter(parsed.value);
    // Kept on this device: the join request names a limited invite, and the inviter is checked after sync.
    const seal = parsed.value.seal;
    if (seal) await (await app.features.load('members')).rememberInvite(docId, seal);
    // Replace, so the secret does not stay in the back/forward history.
    navigate(`/chapters/${docId}`, { replace: true });
  };
  onMount(() => {
    void open();
    // A link pasted into the address bar while this page is open only changes the fragment.
    window.addEventListener('hashchange', open);
    onCleanup(() => window.removeEventListener('hashchange', open));
  });
  return (
    <section aria-labelledby="join-title" class="stack">
      <h1 id="join-title">{t('join.title')}</h1>
      <Show when={error()}>
        {(code) => (
          <>
            <p class="notice notice-error" role="alert" data-testid="join-error">
              {t(ERRORS[code()])}
            </p>
            <Link href="/" class="button">
              {t('join.back')}
            </Link>
          </>
        )}
      </Show>
    </section>
  );
}
