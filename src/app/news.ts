import { addReply, createPost, observePosts, readPost, readPosts, readReplies, updatePost } from '../crdt/post-repository';
import type { DocId } from '../domain/ids';
import type { OrganizingError, Post, Reply } from '../domain/organizing/types';
import type { PostInput } from '../domain/organizing/validate';
import { validatePost, validateReply } from '../domain/organizing/validate';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import { fromCrdt } from './bridge';
import type { FeatureDeps } from './feature-deps';
import { openDoc } from './feature-deps';
import { currentPerson, newRecordId } from './projects';

export type { Post, PostInput, Reply };
export { renderMarkdown } from './markdown';

export function createNewsStore(deps: FeatureDeps) {
  /** Call inside a reactive owner (a section). */
  function view(docId: DocId) {
    const doc = openDoc(deps, docId);
    const state = fromCrdt(
      (onChange) => observePosts(doc, onChange),
      () => ({ list: readPosts(doc) }),
    );
    const mine = (post: Post) => post.author.id === deps.identity.deviceKey;

    function detail(postId: string) {
      const current = fromCrdt(
        (onChange) => observePosts(doc, onChange),
        () => ({ post: readPost(doc, postId), replies: readReplies(doc, postId) }),
      );
      return { post: () => current().post, replies: (): readonly Reply[] => current().replies };
    }

    return {
      /** Published posts, newest first. */
      published: (): readonly Post[] => state().list.filter((post) => post.status === 'published'),
      /** Drafts written on this device. */
      myDrafts: (): readonly Post[] => state().list.filter((post) => post.status === 'draft' && mine(post)),
      detail,
      mine,
      create(input: PostInput): Result<string, readonly OrganizingError[]> {
        const checked = validatePost(input);
        if (!checked.ok) return checked;
        const id = newRecordId();
        createPost(doc, id, checked.value, currentPerson(deps), new Date().toISOString());
        return ok(id);
      },
      update(id: string, input: PostInput): Result<string, readonly OrganizingError[]> {
        const checked = validatePost(input);
        if (!checked.ok) return checked;
        return updatePost(doc, id, checked.value, new Date().toISOString()) ? ok(id) : err([{ field: 'record', code: 'notFound' }]);
      },
      reply(postId: string, body: string): Result<string, readonly OrganizingError[]> {
        if (!readPost(doc, postId)) return err([{ field: 'record', code: 'notFound' }]);
        const checked = validateReply(body);
        if (!checked.ok) return checked;
        const id = newRecordId();
        addReply(doc, id, postId, checked.value, currentPerson(deps), new Date().toISOString());
        return ok(id);
      },
    };
  }
  return { view };
}

export type NewsStore = ReturnType<typeof createNewsStore>;
export type NewsView = ReturnType<NewsStore['view']>;
