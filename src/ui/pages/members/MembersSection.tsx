import { createSignal, For, type JSX, Show } from 'solid-js';
import { useApp } from '../../../app/context';
import type { MemberActionError, MembershipState, MembersView, Role } from '../../../app/members';
import type { EntryId, MemberId } from '../../../domain/membership/types';
import { type MessageKey, t } from '../../../i18n';
import type { SectionProps } from '../chapter/section-props';
import { InviteUsageList, InviteUsageNote } from './InviteUsageList';
import { MemberDevices } from './MemberDevices';
import { MemberHistory } from './MemberHistory';
import { MembershipSettings } from './MembershipSettings';
import { PutToVote } from './PutToVote';
import { VerifyMember } from './VerifyMember';
import { RemoveMember } from './RemoveMember';
import './MembersSection.css';

const ROLES: readonly Role[] = ['convener', 'secretary', 'teller'];
const errorKey = (error: MemberActionError): MessageKey => `members.error.${error}`;

/** Who is in the chapter, who asks to join, and every record that failed its checks. */
export default function MembersSection(props: SectionProps) {
  const app = useApp();
  const members = app.features.get('members').view(props.chapter.docId, props.chapter.entry.genesisId ?? null);
  const count = () => members.state()?.members.filter((m) => m.status === 'active').length ?? 0;

  return (
    <section class="stack members" aria-labelledby="members-title">
      <h1 id="members-title">{t('members.title')}</h1>
      <Show when={members.state()}>
        {(state) => (
          <>
            <p class="muted" data-testid="member-count">
              {t('members.count', { count: count() })}
            </p>
            {/* A request signed before the founding record has arrived would sort before it and never count. */}
            <Show when={!members.me() && state().foundedBy && !members.deviceRevoked()}>
              <JoinRequest members={members} />
            </Show>
            <Show when={members.deviceRevoked()}>
              <p class="notice" role="status" data-testid="device-revoked">
                {t('members.device.revokedHere')}
              </p>
            </Show>
            <Show when={!state().foundedBy}>
              <p class="notice" role="status" data-testid="members-waiting">
                {t('members.waitingForLog')}
              </p>
            </Show>
            <ul class="member-list" data-testid="member-list">
              <For each={state().members}>
                {(member) => (
                  <li class="card member" data-status={member.status}>
                    <div class="member-name">
                      <strong>{member.name}</strong>
                      <Show when={member.founder}>
                        <span class="badge">{t('members.founder')}</span>
                      </Show>
                      <Show when={members.me()?.id === member.id}>
                        <span class="badge">{t('members.you')}</span>
                      </Show>
                      <For each={member.roles}>{(role) => <span class="badge badge-role">{t(`members.role.${role}`)}</span>}</For>
                      <Show when={member.status !== 'active'}>
                        <span class="badge badge-muted">{t(`members.status.${member.status as 'left' | 'removed'}`)}</span>
                      </Show>
                    </div>
                    <span class="muted member-devices">
                      {t('members.device.count', { count: member.devices.length })}
                    </span>
                    <InviteUsageNote state={state()} inviteId={member.inviteId} />
                    <Show when={canGrant(members) && member.status === 'active'}>
                      <RoleGrant members={members} memberId={member.id} name={member.name} held={member.roles} />
                    </Show>
                    <Show when={canRemove(members, state()) && member.status === 'active' && members.me()?.id !== member.id}>
                      <RemoveMember members={members} member={member} state={state()} />
                    </Show>
                    <Show when={state().admissionRule.kind === 'poll' && members.me() && member.status === 'active' && members.me()?.id !== member.id}>
                      <PutToVote members={members} docId={props.chapter.docId} subject={{ memberId: member.id }} name={member.name} />
                    </Show>
                    <MemberDevices members={members} member={member} />
                  </li>
                )}
              </For>
            </ul>
            <Show when={members.me()}>
              <section class="stack" aria-labelledby="requests-title">
                <h2 id="requests-title">{t('members.requests.title')}</h2>
                <Show when={state().pendingRequests.length > 0} fallback={<p class="muted">{t('members.requests.empty')}</p>}>
                  <ul class="member-list" data-testid="join-requests">
                    <For each={state().pendingRequests}>
                      {(request) => (
                        <li class="card row request">
                          <strong>{request.name}</strong>
                          <Show when={state().admissionRule.kind === 'n-members'}>
                            <span class="muted">
                              {t('members.requests.endorsed', {
                                count: request.endorsers.length,
                                needed: state().admissionRule.kind === 'n-members' ? (state().admissionRule as { n: number }).n : 1,
                              })}
                            </span>
                          </Show>
                          <InviteUsageNote state={state()} inviteId={request.inviteId} />
                          <Show
                            when={!request.blocked}
                            fallback={
                              <span class="field-error" data-testid="request-blocked">
                                {t(`members.requests.blocked.${request.blocked!}`)}
                              </span>
                            }
                          >
                            <Show
                              when={state().admissionRule.kind === 'poll'}
                              fallback={
                                <button type="button" class="button button-primary" onClick={() => void members.admit(request.id)}>
                                  {t('members.requests.admit', { name: request.name })}
                                </button>
                              }
                            >
                              <PutToVote members={members} docId={props.chapter.docId} subject={{ requestId: request.id }} name={request.name} />
                            </Show>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            </Show>
            <VerifyMember members={members} />
            <InviteUsageList state={state()} />
            <InvalidEntries members={members} />
            <MembershipSettings members={members} />
            <MemberHistory members={members} />
          </>
        )}
      </Show>
    </section>
  );
}

const canGrant = (members: MembersView): boolean => {
  const me = members.me();
  return !!me && (me.founder || me.roles.includes('convener'));
};

/** Conveners remove; under the 'n-members' rule any member can agree to a removal. */
const canRemove = (members: MembersView, state: MembershipState): boolean =>
  canGrant(members) || (!!members.me() && state.admissionRule.kind === 'n-members');

function JoinRequest(props: { readonly members: MembersView }) {
  const app = useApp();
  const [name, setName] = createSignal(app.identity.profile().displayName);
  const [error, setError] = createSignal<MemberActionError | null>(null);
  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    const result = await props.members.requestToJoin(name());
    if (!result.ok) return setError(result.error);
    setError(null);
    if (!app.identity.profile().displayName) await app.identity.saveProfile({ ...app.identity.profile(), displayName: name().trim() });
  };
  return (
    <Show
      when={!props.members.myPendingRequest() && !props.members.waitingForInvite()}
      fallback={
        <p class="notice" role="status" data-testid="join-waiting">
          {t(props.members.myPendingRequest() ? 'members.join.waiting' : 'members.join.waitingForInvite')}
        </p>
      }
    >
      <form class="card stack field" onSubmit={submit} aria-labelledby="join-request-title" noValidate>
        <h2 id="join-request-title">{t('members.join.title')}</h2>
        <p class="muted">{t('members.join.body')}</p>
        <div>
          <label for="join-name">{t('members.join.name')}</label>
          <input
            id="join-name"
            value={name()}
            onInput={(event) => setName(event.currentTarget.value)}
            aria-invalid={error() ? true : undefined}
            aria-describedby={error() ? 'join-name-error' : undefined}
          />
          <Show when={error()}>
            {(code) => (
              <p class="field-error" id="join-name-error" role="alert">
                {t(errorKey(code()))}
              </p>
            )}
          </Show>
        </div>
        <button type="submit" class="button button-primary" data-testid="request-join">
          {t('members.join.submit')}
        </button>
      </form>
    </Show>
  );
}

function RoleGrant(props: { readonly members: MembersView; readonly memberId: MemberId; readonly name: string; readonly held: readonly Role[] }) {
  const available = () => ROLES.filter((role) => !props.held.includes(role));
  const id = `grant-${props.memberId}`;
  return (
    <Show when={available().length > 0}>
      <div class="row role-grant">
        <label class="visually-hidden" for={id}>
          {t('members.roles.grantTo', { name: props.name })}
        </label>
        <select
          id={id}
          onChange={(event) => {
            const role = event.currentTarget.value as Role | '';
            if (role) void props.members.grantRole(props.memberId, role);
            event.currentTarget.value = '';
          }}
        >
          <option value="">{t('members.roles.none')}</option>
          <For each={available()}>{(role) => <option value={role}>{t(`members.role.${role}`)}</option>}</For>
        </select>
      </div>
    </Show>
  );
}

function InvalidEntries(props: { readonly members: MembersView }) {
  const flagged = () => props.members.state()?.verdicts.filter((verdict) => verdict.status !== 'valid') ?? [];
  const describeVerdict = (id: EntryId, status: string, reason: string | null) =>
    status === 'pending'
      ? t(reason === 'awaitingVote' ? 'members.pending.vote' : 'members.pending.entry', { type: props.members.entryType(id) })
      : t('members.invalid.entry', { type: props.members.entryType(id), reason: t(`members.reason.${reason}` as MessageKey) });
  return (
    <Show when={flagged().length > 0}>
      <section class="card stack invalid-entries" aria-labelledby="invalid-title" data-testid="invalid-entries">
        <h2 id="invalid-title">{t('members.invalid.title')}</h2>
        <p class="muted">{t('members.invalid.body')}</p>
        <ul>
          <For each={flagged()}>{(verdict) => <li>{describeVerdict(verdict.id, verdict.status, verdict.reason)}</li>}</For>
        </ul>
      </section>
    </Show>
  );
}
