import type { Page } from '@playwright/test';

// Reading and extending a document's y-indexeddb store from the page, to play another device whose
// changes arrive (a newer release, a vandal). Use them on a page where the document is not open.

/** The raw Yjs updates y-indexeddb holds for a document, base64 (run on a page where the document is not open). */
export const readStored = (page: Page, docId: string): Promise<string[]> =>
  page.evaluate(
    (name) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('updates', 'readonly').objectStore('updates').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as Uint8Array[]).map((bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))));
          };
        };
      }),
    `chapterhouse-doc-${docId}`,
  );

/** Stores one more update, as if it had arrived by sync from another device. */
export const storeUpdate = (page: Page, docId: string, base64: string): Promise<void> =>
  page.evaluate(
    ([name, data]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('updates', 'readwrite');
          transaction.objectStore('updates').add(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [`chapterhouse-doc-${docId}`, base64] as const,
  );
