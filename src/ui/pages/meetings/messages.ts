import type { AgendaItemError, MeetingError } from '../../../app/meetings';
import { t } from '../../../i18n';

export function meetingErrorText(error: MeetingError | AgendaItemError): string {
  switch (error.code) {
    case 'required':
      return t('meetings.error.required');
    case 'tooLong':
      return t('meetings.error.tooLong', { max: error.max });
    case 'invalidDateTime':
      return t('meetings.error.invalidDateTime');
    case 'inPast':
      return t('meetings.error.inPast');
    case 'invalidLink':
      return t('meetings.error.invalidLink');
    case 'outOfRange':
      return t('meetings.error.outOfRange', { min: error.min, max: error.max });
  }
}
