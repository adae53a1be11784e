// y-indexeddb and Dexie need IndexedDB; fake-indexeddb provides it in Node.
import 'fake-indexeddb/auto';

// Property tests use one fixed seed per run unless FC_SEED says otherwise, so CI is
// reproducible; run with FC_SEED=$RANDOM locally to explore new cases.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261124) });
