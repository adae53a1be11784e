// What opening a branch document needs (Yjs, awareness, y-indexeddb), in one lazily loaded chunk:
// src/app/lazy-documents.ts imports it once a device has a document to open.
export { createDocumentRegistry } from './documents';
export { openDocumentStorageAfter } from '../persistence/document-storage';
