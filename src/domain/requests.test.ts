import { describe, expect, it } from 'vitest';
import {
  REQUEST_STATES,
  canMove,
  isOpen,
  isWaiting,
  maySeeRequest,
  nextStates,
  seesOnlyAsRegistrar,
  type RequestViewer,
} from './requests';

describe('the states of a service request', () => {
  it('lets a new request be taken up, wait, be answered or closed', () => {
    expect(nextStates('new')).toEqual([
      'in_progress',
      'waiting_client',
      'waiting_institution',
      'answered',
      'closed',
    ]);
  });

  it('lets a waiting request go back to work, be answered or closed, but not wait for the other party', () => {
    expect(canMove('waiting_client', 'in_progress')).toBe(true);
    expect(canMove('waiting_client', 'waiting_institution')).toBe(false);
    expect(canMove('waiting_institution', 'answered')).toBe(true);
  });

  it('never goes back to new, and reopens a closed request only to work on it', () => {
    for (const state of REQUEST_STATES) expect(canMove(state, 'new')).toBe(false);
    expect(nextStates('closed')).toEqual(['in_progress']);
    expect(canMove('answered', 'in_progress')).toBe(true);
    expect(canMove('closed', 'answered')).toBe(false);
  });

  it('does not move a request to the state it is in', () => {
    for (const state of REQUEST_STATES) expect(canMove(state, state)).toBe(false);
  });

  it('counts the deadline while the request is owed to the client', () => {
    expect(REQUEST_STATES.filter(isOpen)).toEqual([
      'new',
      'in_progress',
      'waiting_client',
      'waiting_institution',
    ]);
    expect(REQUEST_STATES.filter(isWaiting)).toEqual(['waiting_client', 'waiting_institution']);
  });
});

describe('who sees a request (clause 20)', () => {
  const request = { unitId: 'centre', ownerId: 'owner' };
  const viewer = (over: Partial<RequestViewer>): RequestViewer => ({
    staffId: 'someone',
    readAll: false,
    unitIds: new Set(),
    ...over,
  });

  it('shows it to its owner, to the people of its unit and to those who see all', () => {
    expect(maySeeRequest(viewer({ staffId: 'owner' }), request)).toBe(true);
    expect(maySeeRequest(viewer({ unitIds: new Set(['centre']) }), request)).toBe(true);
    expect(maySeeRequest(viewer({ readAll: true }), request)).toBe(true);
  });

  it('hides it from anyone else', () => {
    expect(maySeeRequest(viewer({ unitIds: new Set(['elsewhere']) }), request)).toBe(false);
    expect(maySeeRequest(viewer({ staffId: null }), { unitId: 'centre', ownerId: null })).toBe(
      false,
    );
  });

  it('lets the clerk who registered a request routed elsewhere see that it exists', () => {
    const routed = { unitId: 'building-board', ownerId: null, registeredBy: 'clerk' };
    const clerk = viewer({ staffId: 'clerk', unitIds: new Set(['centre']) });
    expect(maySeeRequest(clerk, routed)).toBe(false);
    expect(seesOnlyAsRegistrar(clerk, routed)).toBe(true);
    // Someone who sees it anyway, or did not register it, is not a mere registrar.
    expect(seesOnlyAsRegistrar(clerk, { ...routed, unitId: 'centre' })).toBe(false);
    expect(seesOnlyAsRegistrar(viewer({ staffId: 'other' }), routed)).toBe(false);
    expect(seesOnlyAsRegistrar(viewer({ staffId: null }), { ...routed, registeredBy: null })).toBe(
      false,
    );
  });
});
