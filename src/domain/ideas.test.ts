import { describe, expect, it } from 'vitest';
import { mayMoveIdea, receivesIdea, responseRequiredFor } from './ideas';

describe('staff ideas', () => {
  it('moves forward to a decision and no further after a rejection', () => {
    expect(mayMoveIdea('submitted', 'under_review')).toBe(true);
    expect(mayMoveIdea('under_review', 'accepted')).toBe(true);
    expect(mayMoveIdea('accepted', 'implemented')).toBe(true);
    expect(mayMoveIdea('submitted', 'implemented')).toBe(false);
    expect(mayMoveIdea('rejected', 'accepted')).toBe(false);
    expect(mayMoveIdea('implemented', 'rejected')).toBe(false);
  });

  it('needs a response for a decision, not for taking the idea under review', () => {
    expect(responseRequiredFor('under_review')).toBe(false);
    expect(responseRequiredFor('accepted')).toBe(true);
    expect(responseRequiredFor('rejected')).toBe(true);
    expect(responseRequiredFor('implemented')).toBe(true);
  });

  it('reaches the heads of the unit, or the holders of the addressed role', () => {
    const head = { roles: ['unit_head'], unitIds: ['u1'] };
    expect(receivesIdea(head, { addressee: 'manager', unitId: 'u1' })).toBe(true);
    expect(receivesIdea(head, { addressee: 'manager', unitId: 'u2' })).toBe(false);
    expect(
      receivesIdea(
        { roles: ['specialist'], unitIds: ['u1'] },
        { addressee: 'manager', unitId: 'u1' },
      ),
    ).toBe(false);
    expect(receivesIdea(head, { addressee: 'client_service_head', unitId: null })).toBe(false);
    expect(
      receivesIdea(
        { roles: ['deputy_executive_director'], unitIds: [] },
        { addressee: 'deputy_executive_director', unitId: null },
      ),
    ).toBe(true);
  });
});
