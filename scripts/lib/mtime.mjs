// File-tree modification times, for scripts that rebuild only when sources changed.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A path's mtime in ms, or undefined when it does not exist. */
export const mtimeOf = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
};

/** Newest mtime in a file or folder tree; a folder's own mtime counts so deletions trigger a build too. */
export const newestMtime = (path) => {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
};

/** True when an output is missing or any input (under root) is newer than the oldest output. */
export const isStale = (root, inputs, outputs) => {
  const built = outputs.map(mtimeOf);
  if (built.some((mtime) => mtime === undefined)) return true;
  const oldestOutput = Math.min(...built);
  return inputs.some((input) => newestMtime(join(root, input)) > oldestOutput);
};
