import * as Y from 'yjs';
import type { Person, Post, Reply } from '../domain/organizing/types';
import { POST_KINDS } from '../domain/organizing/types';
import type { ValidPost } from '../domain/organizing/validate';
import { LOCAL_EDIT } from './shared-text';

/**
 * News and blog posts and their replies: one Y.Map per record, flat keys. The Markdown body
 * is stored as typed; it is only ever shown through the sanitizing renderer.
 */
const postsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('posts');
const repliesMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('postReplies');

const str = (map: Y.Map<unknown>, key: string): string => {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
};

function readPostRecord(id: string, map: Y.Map<unknown>): Post | undefined {
  const title = str(map, 'title');
  if (!title) return undefined;
  const kind = str(map, 'kind');
  const status = str(map, 'status') === 'published' ? 'published' : 'draft';
  return {
    id,
    kind: (POST_KINDS as readonly string[]).includes(kind) ? (kind as Post['kind']) : 'news',
    title,
    body: str(map, 'body'),
    status,
    author: { id: str(map, 'authorId'), name: str(map, 'authorName') },
    createdAt: str(map, 'createdAt'),
    updatedAt: str(map, 'updatedAt'),
    publishedAt: status === 'published' ? str(map, 'publishedAt') : '',
  };
}

/** Published newest first, then drafts newest first. */
export function readPosts(doc: Y.Doc): readonly Post[] {
  const out: Post[] = [];
  for (const [id, map] of postsMap(doc).entries()) {
    if (!(map instanceof Y.Map)) continue;
    const post = readPostRecord(id, map);
    if (post) out.push(post);
  }
  return out.sort((a, b) => (b.publishedAt || b.createdAt).localeCompare(a.publishedAt || a.createdAt) || a.id.localeCompare(b.id));
}

export function readPost(doc: Y.Doc, id: string): Post | undefined {
  const map = postsMap(doc).get(id);
  return map instanceof Y.Map ? readPostRecord(id, map) : undefined;
}

export function createPost(doc: Y.Doc, id: string, post: ValidPost, by: Person, at: string): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    postsMap(doc).set(id, map);
    map.set('kind', post.kind);
    map.set('title', post.title);
    map.set('body', post.body);
    map.set('status', post.status);
    map.set('authorId', by.id);
    map.set('authorName', by.name);
    map.set('createdAt', at);
    map.set('updatedAt', at);
    if (post.status === 'published') map.set('publishedAt', at);
  }, LOCAL_EDIT);
}

export function updatePost(doc: Y.Doc, id: string, post: ValidPost, at: string): boolean {
  const map = postsMap(doc).get(id);
  if (!(map instanceof Y.Map)) return false;
  doc.transact(() => {
    for (const key of ['kind', 'title', 'body', 'status'] as const) if (map.get(key) !== post[key]) map.set(key, post[key]);
    if (post.status === 'published' && !str(map, 'publishedAt')) map.set('publishedAt', at);
    map.set('updatedAt', at);
  }, LOCAL_EDIT);
  return true;
}

export function readReplies(doc: Y.Doc, postId: string): readonly Reply[] {
  const out: Reply[] = [];
  for (const [id, map] of repliesMap(doc).entries()) {
    if (!(map instanceof Y.Map) || map.get('postId') !== postId) continue;
    const body = str(map, 'body');
    if (!body) continue;
    out.push({ id, postId, body, author: { id: str(map, 'authorId'), name: str(map, 'authorName') }, createdAt: str(map, 'createdAt') });
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function addReply(doc: Y.Doc, id: string, postId: string, body: string, by: Person, at: string): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    repliesMap(doc).set(id, map);
    map.set('postId', postId);
    map.set('body', body);
    map.set('authorId', by.id);
    map.set('authorName', by.name);
    map.set('createdAt', at);
  }, LOCAL_EDIT);
}

export function observePosts(doc: Y.Doc, listener: () => void): () => void {
  const posts = postsMap(doc);
  const replies = repliesMap(doc);
  const handler = () => listener();
  posts.observeDeep(handler);
  replies.observeDeep(handler);
  return () => {
    posts.unobserveDeep(handler);
    replies.unobserveDeep(handler);
  };
}
