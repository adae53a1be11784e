import { type Accessor, createSignal, onCleanup } from 'solid-js';
import { observeMembershipLog, readMembershipLog } from '../crdt/membership-repository';
import type { DocId } from '../domain/ids';
import type { EntryId } from '../domain/membership/types';
import type { FeatureDeps } from './feature-deps';
import { openDoc } from './feature-deps';
import type { InviterStatus, RememberedInvite } from './invite-memory';
import { inviterStatus, recallInvite, rememberedKey } from './invite-memory';
import type { ValidateMembership } from './trusted-verifier';

/**
 * For the chapter page: whether the link this device joined through was signed by a member.
 * Validates the log only while the answer is open; a confirmed inviter is remembered, so later
 * visits cost one settings read. Call inside a reactive owner.
 */
export function watchInviter(
  deps: FeatureDeps,
  validate: ValidateMembership,
  docId: DocId,
  genesisId: string | null,
): Accessor<InviterStatus | null> {
  const [status, setStatus] = createSignal<InviterStatus | null>(null);
  let stop: (() => void) | null = null;
  let disposed = false;
  onCleanup(() => {
    disposed = true;
    stop?.();
  });
  void recallInvite(deps.catalog, docId).then((invite) => {
    if (disposed || invite === null || invite.confirmed) return;
    const doc = openDoc(deps, docId);
    let run = 0;
    const check = async () => {
      const mine = ++run;
      const state = await validate(readMembershipLog(doc), {
        chapterId: docId,
        ...(genesisId ? { genesisId: genesisId as EntryId } : {}),
      });
      if (mine !== run || disposed) return;
      const next = inviterStatus(state, invite.inviterKey);
      setStatus(next);
      if (next === 'member') {
        stop?.();
        stop = null;
        const confirmed: RememberedInvite = { ...invite, confirmed: true };
        await deps.catalog.writeSetting(rememberedKey(docId), confirmed);
      }
    };
    stop = observeMembershipLog(doc, () => void check());
    void check();
  });
  return status;
}
