import { type Accessor, createEffect, createMemo, createSignal, onCleanup } from 'solid-js';
import { readChapter } from '../crdt/chapter-repository';
import { readEvents } from '../crdt/event-repository';
import { readPosts } from '../crdt/post-repository';
import { readProjects } from '../crdt/project-repository';
import { readSharedCopies } from '../crdt/shared-event-repository';
import type { ChapterDetails } from '../domain/chapter';
import type { DocId } from '../domain/ids';
import type { FromChapter } from '../domain/organizing/dashboard';
import { newest } from '../domain/organizing/dashboard';
import type { ListedEvent, SharedEventCopy } from '../domain/organizing/shared-events';
import { federationEvents, listedTimes } from '../domain/organizing/shared-events';
import type { ChapterEvent, Post, Project } from '../domain/organizing/types';
import type { CatalogEntry } from '../persistence/catalog';
import type { FeatureDeps } from './feature-deps';

export type { FromChapter, ListedEvent };

export interface DashboardChapter {
  readonly chapterId: string;
  readonly details: ChapterDetails;
  readonly createdAt: string;
}

const LIMIT = 5;

/**
 * The member's home dashboard across every chapter on this device: latest news, newest
 * projects, upcoming events, recent blog posts, newest chapters. Opens each chapter's
 * document (which also lets it sync while the home screen is open).
 */
export function createDashboardStore(deps: FeatureDeps) {
  /** Call inside a reactive owner (the home page). */
  function view(entries: Accessor<readonly CatalogEntry[]>) {
    const [tick, setTick] = createSignal(0);
    const bump = () => setTick((n) => n + 1);
    const watched = new Map<DocId, () => void>();
    createEffect(() => {
      for (const entry of entries()) {
        if (entry.kind !== 'chapter' || watched.has(entry.id)) continue;
        const { doc } = deps.documents.openDocument(entry.id, entry.secret);
        doc.on('update', bump);
        watched.set(entry.id, () => doc.off('update', bump));
        bump();
      }
    });
    onCleanup(() => {
      for (const off of watched.values()) off();
    });
    const [now, setNow] = createSignal(new Date().toISOString());
    const timer = setInterval(() => setNow(new Date().toISOString()), 60_000);
    onCleanup(() => clearInterval(timer));

    const all = createMemo(() => {
      tick();
      const projects: FromChapter<Project>[] = [];
      const events: FromChapter<ChapterEvent>[] = [];
      const copies: { heldIn: string; copy: SharedEventCopy }[] = [];
      const posts: FromChapter<Post>[] = [];
      const chapters: DashboardChapter[] = [];
      for (const entry of entries()) {
        const opened = deps.documents.get(entry.id);
        if (!opened) continue;
        const details = readChapter(opened.doc);
        const chapterName = details?.name ?? entry.title;
        const from = <T>(item: T): FromChapter<T> => ({ chapterId: entry.id, chapterName, item });
        if (details) chapters.push({ chapterId: entry.id, details, createdAt: entry.createdAt });
        for (const project of readProjects(opened.doc)) projects.push(from(project));
        for (const event of readEvents(opened.doc)) events.push(from(event));
        // Events other chapters shared with a branch this device holds (this device's ancestors).
        for (const copy of readSharedCopies(opened.doc).values()) copies.push({ heldIn: entry.id, copy });
        for (const post of readPosts(opened.doc)) if (post.status === 'published') posts.push(from(post));
      }
      return { projects, events, copies, posts, chapters };
    });

    const timeline = createMemo(() => {
      const at = Date.parse(now());
      const rows = federationEvents(all().events, all().copies)
        .map((row) => ({ row, times: listedTimes(row) }))
        .sort((a, b) => a.times.start.localeCompare(b.times.start) || a.row.key.localeCompare(b.row.key));
      const upcoming = rows.filter(({ times }) => Date.parse(times.end) > at).map(({ row }) => row);
      const past = rows.filter(({ times }) => Date.parse(times.end) <= at).map(({ row }) => row).reverse();
      return { upcoming, past } as { readonly upcoming: readonly ListedEvent[]; readonly past: readonly ListedEvent[] };
    });

    return {
      news: createMemo(() => newest(all().posts.filter((p) => p.item.kind === 'news'), (p) => p.publishedAt, LIMIT)),
      blog: createMemo(() => newest(all().posts.filter((p) => p.item.kind === 'blog'), (p) => p.publishedAt, LIMIT)),
      projects: createMemo(() => newest(all().projects, (p) => p.createdAt, LIMIT)),
      /** Own branches' events and events shared with them, once each, soonest first. */
      events: createMemo((): readonly ListedEvent[] => timeline().upcoming.slice(0, LIMIT)),
      /** Every event on this device's branches and shared with them: upcoming soonest first, past latest first. */
      timeline,
      chapters: createMemo(() =>
        [...all().chapters].sort((a, b) => (b.details.foundedOn || b.createdAt).localeCompare(a.details.foundedOn || a.createdAt)).slice(0, LIMIT),
      ),
    };
  }
  return { view };
}

export type DashboardStore = ReturnType<typeof createDashboardStore>;
export type DashboardView = ReturnType<DashboardStore['view']>;
