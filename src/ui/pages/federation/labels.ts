import type { FederationActionError } from '../../../app/federation';
import type { BranchLevel } from '../../../domain/chapter';
import { type MessageKey, t } from '../../../i18n';

export const levelLabel = (level: BranchLevel): string => t(`chapter.level.${level}`);

export const memberCountLabel = (count: number | null): string =>
  count === null ? t('federation.count.unknown') : t('federation.count', { count });

const ERRORS: Readonly<Record<FederationActionError, MessageKey>> = {
  notHere: 'federation.error.notHere',
  notReady: 'federation.error.notReady',
  notAllowed: 'federation.error.notAllowed',
  levelNotBelow: 'federation.error.levelNotBelow',
  alreadyAsked: 'federation.error.alreadyAsked',
  unknownRequest: 'federation.error.unknownRequest',
};

export const federationError = (error: FederationActionError): string => t(ERRORS[error]);
