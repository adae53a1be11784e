/** Kinds of branch documents; one Y.Doc per branch holds everything the branch owns. */
export type DocumentKind = 'chapter';
