export * from './dashboard';
export * from './events';
export * from './safe-url';
export * from './types';
export * from './validate';
