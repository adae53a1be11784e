export { activeMemberCount, authorityOf } from './authority';
export { canonicalFederationEntry } from './canonical';
export type { FederationShapeError } from './shape';
export { isWellFormedFederationEntry, parseFederationEntry } from './shape';
export type { BranchSnapshot, FederationNode } from './tree';
export { buildFederationTree, totalMembers } from './tree';
export * from './types';
export type { FederationOptions, FederationVerifiedCheck } from './validate';
export { isBelow, validateFederationLog } from './validate';
