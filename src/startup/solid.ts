// Imported by src/boot.ts only to have the Solid chunk evaluated in a task of its own (see vite.config.ts).
export { render } from 'solid-js/web';
