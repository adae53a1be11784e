export * from './audit';
export * from './audit-input';
export * from './canonical';
export * from './count';
export * from './outcome';
export * from './tally-input';
export * from './types';
export * from './validate';
