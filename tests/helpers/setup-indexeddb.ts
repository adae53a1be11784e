// y-indexeddb and Dexie need IndexedDB; fake-indexeddb provides it in Node.
import 'fake-indexeddb/auto';
