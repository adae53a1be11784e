/**
 * Organizing records a chapter owns: projects (with offers and requests), events with
 * RSVPs, and news/blog posts with replies. Plain data, as read from the chapter document.
 * Author and participant ids are device keys for now; the display name is stored alongside.
 */

export type ProjectKind = 'mutual-aid' | 'tool-share' | 'skill-share' | 'campaign' | 'other';
export const PROJECT_KINDS: readonly ProjectKind[] = ['mutual-aid', 'tool-share', 'skill-share', 'campaign', 'other'];

export interface Person {
  readonly id: string;
  readonly name: string;
}

export interface Project {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly kind: ProjectKind;
  readonly createdAt: string;
  readonly createdBy: Person;
  /** Sorted by name, then id. */
  readonly participants: readonly Person[];
}

export type OfferDirection = 'offer' | 'request';
export const OFFER_DIRECTIONS: readonly OfferDirection[] = ['offer', 'request'];
export type OfferCategory = 'tool' | 'skill' | 'ride' | 'time' | 'other';
export const OFFER_CATEGORIES: readonly OfferCategory[] = ['tool', 'skill', 'ride', 'time', 'other'];
export type OfferStatus = 'open' | 'claimed' | 'done';
export const OFFER_STATUSES: readonly OfferStatus[] = ['open', 'claimed', 'done'];

export interface Offer {
  readonly id: string;
  readonly projectId: string;
  readonly direction: OfferDirection;
  readonly category: OfferCategory;
  readonly title: string;
  readonly details: string;
  /** Free text: "weekends", "Tue evenings", "until March". */
  readonly availability: string;
  readonly status: OfferStatus;
  readonly author: Person;
  readonly claimedBy: Person | null;
  readonly createdAt: string;
}

export type Rsvp = 'going' | 'maybe' | 'no';
export const RSVPS: readonly Rsvp[] = ['going', 'maybe', 'no'];

export interface RsvpEntry {
  readonly person: Person;
  readonly answer: Rsvp;
}

export interface ChapterEvent {
  readonly id: string;
  readonly title: string;
  /**
   * RFC 3339 date-times in UTC. All-day events: midnight at the start of the first day and
   * midnight after the last day, in the event's zone.
   */
  readonly start: string;
  readonly end: string;
  readonly allDay: boolean;
  /** The IANA zone the event was planned in ('' for events made before zones were kept). */
  readonly timeZone: string;
  readonly place: string;
  /** http(s) link for online events, or ''. */
  readonly link: string;
  readonly description: string;
  /** Shown to the whole federation: copied into every ancestor branch's document. */
  readonly shared: boolean;
  /** Called off: kept (never deleted) and shown as cancelled. */
  readonly cancelled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: Person;
  readonly rsvps: readonly RsvpEntry[];
}

export type PostKind = 'news' | 'blog';
export const POST_KINDS: readonly PostKind[] = ['news', 'blog'];
export type PostStatus = 'draft' | 'published';

export interface Post {
  readonly id: string;
  readonly kind: PostKind;
  readonly title: string;
  /** Markdown source; rendered only through the sanitizing renderer. */
  readonly body: string;
  readonly status: PostStatus;
  readonly author: Person;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** '' while a draft. */
  readonly publishedAt: string;
}

export interface Reply {
  readonly id: string;
  readonly postId: string;
  readonly body: string;
  readonly author: Person;
  readonly createdAt: string;
}

/** Every expected failure of organizing input, one per field problem. */
export type OrganizingError =
  | { readonly field: string; readonly code: 'required' }
  | { readonly field: string; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: string; readonly code: 'tooLarge'; readonly maxBytes: number; readonly bytes: number }
  | { readonly field: string; readonly code: 'invalidChoice' }
  | { readonly field: 'start' | 'end'; readonly code: 'invalidDate' }
  | { readonly field: 'end'; readonly code: 'endBeforeStart' }
  | { readonly field: 'link'; readonly code: 'invalidUrl' }
  | { readonly field: 'status'; readonly code: 'invalidTransition'; readonly from: OfferStatus; readonly to: OfferStatus }
  | { readonly field: 'participant'; readonly code: 'notParticipant' }
  | { readonly field: 'record'; readonly code: 'notFound' };

export const LIMITS = {
  title: 200,
  description: 10_000,
  offerDetails: 4_000,
  availability: 200,
  place: 300,
  link: 2_000,
  /** A post's Markdown, in UTF-8 bytes (images are not supported yet). */
  postBytes: 100 * 1024,
  replyBytes: 10 * 1024,
} as const;
