/** Layer rules from DEVELOPERS.md: domain is pure, UI goes through app stores only. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain may import only src/domain (no solid, yjs, dexie, DOM helpers).',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { pathNot: '^src/domain' },
    },
    {
      name: 'ui-uses-app-stores-only',
      comment: 'Pages and components reach data through src/app, never Y types, Dexie or transports.',
      severity: 'error',
      from: { path: '^src/ui' },
      to: { path: '^(src/(crdt|persistence|sync)|node_modules/(yjs|y-indexeddb|y-webrtc|y-protocols|dexie))' },
    },
    {
      name: 'crdt-below-app',
      comment: 'Repositories do not know about stores, UI or transports.',
      severity: 'error',
      from: { path: '^src/(crdt|persistence|sync)' },
      to: { path: '^src/(app|ui)' },
    },
    {
      name: 'server-is-standalone',
      comment: 'The relay runs in Node and must not pull browser code.',
      severity: 'error',
      from: { path: '^server' },
      to: { path: '^src/(app|ui|crdt|persistence|sync)' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(dist|build)/' },
  },
};
