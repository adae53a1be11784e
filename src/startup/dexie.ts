// Imported by src/boot.ts only to have the Dexie chunk evaluated in a task of its own (see vite.config.ts).
export { default } from 'dexie';
