import { createSignal, Show } from 'solid-js';
import type { MemberActionError, MembersView } from '../../../app/members';
import type { DocId } from '../../../domain/ids';
import type { EntryId, MemberId } from '../../../domain/membership/types';
import { t } from '../../../i18n';
import { Link } from '../../components/Link';

type Subject = { readonly requestId: EntryId } | { readonly memberId: MemberId };

/**
 * A join request (or a removal) decided by a chapter poll: "Put to a vote" opens a yes/no poll and
 * links it by a signed entry; once the poll's close record passes it, the decision is carried out.
 */
export function PutToVote(props: { readonly members: MembersView; readonly docId: DocId; readonly subject: Subject; readonly name: string }) {
  const [error, setError] = createSignal<MemberActionError | null>(null);
  const [busy, setBusy] = createSignal(false);
  const removal = () => 'memberId' in props.subject;
  const link = () => props.members.pollFor(props.subject);
  const open = async () => {
    setBusy(true);
    const question = t(removal() ? 'members.vote.removeQuestion' : 'members.vote.admitQuestion', { name: props.name });
    const result = await props.members.putToVote(props.subject, question);
    setBusy(false);
    setError(result.ok ? null : result.error);
  };
  return (
    <Show
      when={link()}
      fallback={
        <>
          <button
            type="button"
            class="button"
            disabled={busy()}
            onClick={() => void open()}
            aria-label={t(removal() ? 'members.vote.removeLabel' : 'members.vote.admitLabel', { name: props.name })}
            data-testid="put-to-vote"
          >
            {t('members.vote.put')}
          </button>
          <Show when={error()}>{(code) => <span class="field-error" role="alert">{t(`members.error.${code()}`)}</span>}</Show>
        </>
      }
    >
      {(linked) => (
        <span class="row vote-link">
          <Link href={`/chapters/${props.docId}/polls/${linked().pollId}`} class="button" data-testid="vote-poll">
            {t('members.vote.open')}
          </Link>
          <Show when={props.members.pollPassed(linked().pollId)} fallback={<span class="muted">{t('members.vote.waiting')}</span>}>
            <span class="badge" data-testid="vote-passed">
              {t('members.vote.passed')}
            </span>
            <button type="button" class="button button-primary" onClick={() => void props.members.applyPoll(linked())}>
              {t(removal() ? 'members.vote.applyRemove' : 'members.vote.applyAdmit', { name: props.name })}
            </button>
          </Show>
        </span>
      )}
    </Show>
  );
}
