import type { MeetingDetail } from '../../../app/meeting-detail';
import type { MeetingsView } from '../../../app/meetings';
import type { PollsView } from '../../../app/polls';

/** What every panel of one meeting's page receives. */
export interface MeetingPanelProps {
  readonly meetings: MeetingsView;
  readonly detail: MeetingDetail;
  readonly meetingId: string;
  readonly name: (id: string) => string;
}

/** Panels that show decisions, which can link to the chapter's polls once their code has loaded. */
export interface DecisionPanelProps extends MeetingPanelProps {
  readonly polls: () => PollsView | null;
}
