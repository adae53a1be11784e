// Imported by src/boot.ts only to have the Yjs chunk evaluated in a task of its own (see vite.config.ts).
export { Doc } from 'yjs';
