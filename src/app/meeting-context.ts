import type { Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { StoredMeeting } from '../crdt/meeting-repository';
import type { QuorumResult, QuorumRule } from '../domain/meeting/types';
import type { FeatureDeps } from './feature-deps';
import type { MembersView } from './members';

/** What one meeting's page is built from: the branch document, its members and the quorum rule. */
export type MeetingContext = {
  readonly deps: FeatureDeps;
  readonly doc: Y.Doc;
  readonly members: MembersView;
  readonly memberName: (id: string) => string | undefined;
  readonly me: MembersView['me'];
  readonly quorumFor: (meeting: StoredMeeting) => QuorumResult;
  readonly rule: Accessor<QuorumRule>;
  readonly version: Accessor<number>;
};
