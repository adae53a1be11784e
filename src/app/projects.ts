import { type Accessor, createMemo } from 'solid-js';
import {
  addOffer,
  createProject,
  observeProjects,
  readOffer,
  readOffers,
  readProject,
  readProjects,
  setOfferStatus,
  setParticipation,
  updateProject,
} from '../crdt/project-repository';
import type { StoredRotation } from '../crdt/rotation-repository';
import { appendChange, appendSwap, createRotation, observeRotations, readRotation, readRotations } from '../crdt/rotation-repository';
import type { DocId } from '../domain/ids';
import type { Offer, OfferStatus, OrganizingError, Person, Project } from '../domain/organizing/types';
import type { OfferInput, ProjectInput } from '../domain/organizing/validate';
import { checkOfferTransition, validateOffer, validateProject } from '../domain/organizing/validate';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import { recordJoin, recordLeave, recordSwap } from '../domain/rotation/changes';
import type { Rotation, RotationError, RotationPeriod } from '../domain/rotation/model';
import { rotationSeed, validateRotation } from '../domain/rotation/model';
import { fromCrdt } from './bridge';
import type { FeatureDeps } from './feature-deps';
import { openDoc } from './feature-deps';

export type { Offer, OrganizingError, Person, Project, StoredRotation };

/** Random record id: 128 bits, URL-safe (it appears in /chapters/:id/:section/:itemId). */
export function newRecordId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This device as author/participant: the device key for now, the profile's name alongside. */
export const currentPerson = (deps: FeatureDeps): Person => ({ id: deps.identity.deviceKey, name: deps.identity.profile().displayName.trim() });

const notFound = { field: 'record', code: 'notFound' } as const;

export interface RotationInput {
  readonly title: string;
  readonly period: RotationPeriod;
  /** YYYY-MM-DD, first day of cycle 0 (UTC). */
  readonly start: string;
  /** The value agreed at the meeting; published, so anyone can re-derive the order. */
  readonly agreedValue: string;
}

export type RotationFailure = { readonly kind: 'rotation'; readonly errors: readonly RotationError[] } | { readonly kind: 'input'; readonly errors: readonly OrganizingError[] };

export function createProjectStore(deps: FeatureDeps) {
  /** Call inside a reactive owner (a section). */
  function view(docId: DocId) {
    const doc = openDoc(deps, docId);
    const me = () => currentPerson(deps);
    const projects = fromCrdt(
      (onChange) => observeProjects(doc, onChange),
      () => ({ list: readProjects(doc) }),
    );

    /** Live details of one project: itself, its offers and requests, its rotations. */
    function detail(projectId: string) {
      const state = fromCrdt(
        (onChange) => {
          const a = observeProjects(doc, onChange);
          const b = observeRotations(doc, onChange);
          return () => {
            a();
            b();
          };
        },
        () => ({ project: readProject(doc, projectId), offers: readOffers(doc, projectId), rotations: readRotations(doc, projectId) }),
      );
      const joined = createMemo(() => state().project?.participants.some((p) => p.id === deps.identity.deviceKey) ?? false);
      return {
        project: (): Project | undefined => state().project,
        offers: (): readonly Offer[] => state().offers,
        rotations: (): readonly StoredRotation[] => state().rotations,
        joined,
      };
    }

    function changeOffer(offerId: string, to: OfferStatus): Result<OfferStatus, readonly OrganizingError[]> {
      const offer = readOffer(doc, offerId);
      if (!offer) return err([notFound]);
      const checked = checkOfferTransition(offer.status, to);
      if (!checked.ok) return checked;
      const claimer = to === 'claimed' ? me() : offer.claimedBy;
      setOfferStatus(doc, offerId, to, claimer);
      return checked;
    }

    function rotationAction(rotationId: string, change: (rotation: Rotation) => Result<Rotation, readonly RotationError[]>, write: (next: Rotation) => void) {
      const stored = readRotation(doc, rotationId);
      if (!stored) return err({ kind: 'input', errors: [notFound] } as RotationFailure);
      const next = change(stored.rotation);
      if (!next.ok) return err({ kind: 'rotation', errors: next.error } as RotationFailure);
      write(next.value);
      return ok(undefined);
    }

    return {
      projects: (): readonly Project[] => projects().list,
      detail,
      me,
      create(input: ProjectInput): Result<string, readonly OrganizingError[]> {
        const checked = validateProject(input);
        if (!checked.ok) return checked;
        const id = newRecordId();
        createProject(doc, id, checked.value, me(), new Date().toISOString());
        return ok(id);
      },
      update(projectId: string, input: ProjectInput): Result<string, readonly OrganizingError[]> {
        const checked = validateProject(input);
        if (!checked.ok) return checked;
        return updateProject(doc, projectId, checked.value) ? ok(projectId) : err([notFound]);
      },
      join: (projectId: string): boolean => setParticipation(doc, projectId, me(), true),
      leave: (projectId: string): boolean => setParticipation(doc, projectId, me(), false),
      addOffer(projectId: string, input: OfferInput): Result<string, readonly OrganizingError[]> {
        if (!readProject(doc, projectId)) return err([notFound]);
        const checked = validateOffer(input);
        if (!checked.ok) return checked;
        const id = newRecordId();
        addOffer(doc, id, projectId, checked.value, me(), new Date().toISOString());
        return ok(id);
      },
      claim: (offerId: string) => changeOffer(offerId, 'claimed'),
      release: (offerId: string) => changeOffer(offerId, 'open'),
      markDone: (offerId: string) => changeOffer(offerId, 'done'),
      createRotation(projectId: string, input: RotationInput): Result<string, RotationFailure> {
        const project = readProject(doc, projectId);
        if (!project) return err({ kind: 'input', errors: [notFound] });
        const title = input.title.trim();
        const agreedValue = input.agreedValue.trim();
        const inputErrors: OrganizingError[] = [];
        if (!title) inputErrors.push({ field: 'title', code: 'required' });
        if (!agreedValue) inputErrors.push({ field: 'agreedValue', code: 'required' });
        if (project.participants.length === 0) inputErrors.push({ field: 'participant', code: 'notParticipant' });
        if (inputErrors.length > 0) return err({ kind: 'input', errors: inputErrors });
        const id = newRecordId();
        const rotation: Rotation = {
          id,
          period: input.period,
          start: input.start,
          seed: rotationSeed(id, agreedValue),
          participants: project.participants.map((p) => p.id),
          changes: [],
          swaps: [],
        };
        const valid = validateRotation(rotation);
        if (!valid.ok) return err({ kind: 'rotation', errors: valid.error });
        createRotation(doc, { projectId, title, agreedValue, createdAt: new Date().toISOString(), rotation });
        return ok(id);
      },
      swap: (rotationId: string, cycle: number, a: string, b: string) =>
        rotationAction(
          rotationId,
          (rotation) => recordSwap(rotation, { cycle, a, b }),
          () => appendSwap(doc, rotationId, { cycle, a, b }),
        ),
      joinRotation(rotationId: string) {
        const at = new Date().toISOString();
        const memberId = deps.identity.deviceKey;
        return rotationAction(
          rotationId,
          (rotation) => recordJoin(rotation, memberId, at),
          () => appendChange(doc, rotationId, { kind: 'join', memberId, recordedAt: at }),
        );
      },
      leaveRotation(rotationId: string) {
        const at = new Date().toISOString();
        const memberId = deps.identity.deviceKey;
        return rotationAction(
          rotationId,
          (rotation) => recordLeave(rotation, memberId, at),
          () => appendChange(doc, rotationId, { kind: 'leave', memberId, recordedAt: at }),
        );
      },
    };
  }

  return { view };
}

export type ProjectStore = ReturnType<typeof createProjectStore>;
export type ProjectsView = ReturnType<ProjectStore['view']>;
export type ProjectDetail = ReturnType<ProjectsView['detail']>;
export type { Accessor };
