import type { EntryId, MemberId, MembershipEntry } from '../../../src/domain/membership/types';
import { foundChapter, join, newDevice, OTHER_CHAPTER, sign } from './fixtures';

/**
 * A log with concurrent branches and every kind of bad entry, for order-independence tests:
 * forged, pending, replayed, duplicate founder, forged copy of a genuine id, junk, races.
 */
export interface RichLog {
  readonly entries: readonly unknown[];
  readonly genesisId: EntryId;
}

export async function buildRichLog(): Promise<RichLog> {
  const { log, founder, found } = await foundChapter();
  const grace = await join(log, 'Grace', founder);
  const linus = await join(log, 'Linus', founder);
  const phone = await newDevice();
  await log.add({ type: 'link-device', deviceKey: phone.publicKey }, grace.device);
  await log.add({ type: 'grant-role', memberId: grace.memberId, role: 'convener' }, founder);

  // Race: Grace revokes her phone while the phone admits a newcomer (same parents).
  const newcomer = await newDevice();
  const request = await log.add({ type: 'request', name: 'Nadia', deviceKey: newcomer.publicKey }, newcomer);
  const revoke = await log.add({ type: 'revoke-device', deviceKey: phone.publicKey }, grace.device, [request]);
  await log.add({ type: 'admit', requestId: request.id }, phone, [request]);
  await log.add({ type: 'grant-role', memberId: linus.memberId, role: 'teller' }, phone, [request]);
  await log.add({ type: 'leave' }, phone, [revoke]);

  // Race: the founder removes Linus while Linus leaves.
  const heads = [...log.entries].slice(-3);
  await log.add({ type: 'remove', memberId: linus.memberId, reason: 'Meeting decision', decisionId: 'p-9' }, founder, heads);
  await log.add({ type: 'leave' }, linus.device, heads);

  // n-members rule with concurrent endorsements.
  await log.add({ type: 'set-admission-rule', rule: { kind: 'n-members', n: 2 } }, grace.device);
  const omar = await newDevice();
  const omarRequest = await log.add({ type: 'request', name: 'Omar', deviceKey: omar.publicKey }, omar);
  await log.add({ type: 'admit', requestId: omarRequest.id }, founder, [omarRequest]);
  await log.add({ type: 'admit', requestId: omarRequest.id }, grace.device, [omarRequest]);
  await log.add({ type: 'admit', requestId: omarRequest.id }, newcomer, [omarRequest]);
  await log.add({ type: 'remove', memberId: omarRequest.id as string as MemberId, reason: 'Unreachable' }, founder);

  // A one-use invite raced by two newcomers (n-members rule: two endorsements each).
  const invite = await log.add({ type: 'invite', maxUses: 1 }, grace.device);
  const racers = await Promise.all([newDevice(), newDevice()]);
  const racing = [];
  for (const [index, racer] of racers.entries()) {
    racing.push(await log.add({ type: 'request', name: `Racer ${index}`, deviceKey: racer.publicKey, inviteId: invite.id }, racer, [invite]));
  }
  for (const request of racing) {
    await log.add({ type: 'admit', requestId: request.id }, founder, racing);
    await log.add({ type: 'admit', requestId: request.id }, grace.device, racing);
  }

  // Bad entries.
  const outsider = await newDevice();
  const forged = await sign({ type: 'grant-role', memberId: grace.memberId, role: 'teller' }, outsider, [found]);
  const mallory = await newDevice();
  const rival = await sign(
    { type: 'found', memberId: 'mallory00000000000001' as MemberId, name: 'Mallory', deviceKey: mallory.publicKey },
    mallory,
    [],
  );
  const missing = await sign({ type: 'request', name: 'Ghost', deviceKey: outsider.publicKey }, outsider, [rival]);
  const orphan = await sign({ type: 'leave' }, grace.device, [missing]);
  const grant = log.entries.find((entry) => entry.type === 'grant-role') as MembershipEntry;
  const forgedCopy = { ...grant, role: 'secretary' };
  const unsent = await sign({ type: 'grant-role', memberId: linus.memberId, role: 'secretary' }, founder, [found]);
  const badSignature = { ...unsent, signature: found.signature };
  const away = await foundChapter(OTHER_CHAPTER);
  await join(away.log, 'Away', away.founder);
  const junk = [{ id: 'junk' }, { ...found, type: 'coronation' }, null];

  return {
    entries: [...log.entries, forged, rival, orphan, forgedCopy, badSignature, ...away.log.entries, ...junk],
    genesisId: found.id,
  };
}
