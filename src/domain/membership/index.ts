export { canonicalEntry, canonicalJson } from './canonical';
export type { DraftContext } from './draft';
export { draftEntry, headsOf, nextCounter } from './draft';
export type { LogOrder } from './order';
export { orderLog } from './order';
export type {
  AdmissionContext,
  AdmissionOutcome,
  AdmissionPolicy,
  AdmissionPolicyOptions,
  AdmissionRejection,
} from './policy';
export { createAdmissionPolicy, defaultAdmissionPolicy } from './policy';
export type { ShapeError } from './shape';
export { isWellFormed, parseEntry } from './shape';
export * from './types';
export type { ValidateOptions, VerifiedCheck } from './validate';
export { validateLog } from './validate';
export type * from './view';
