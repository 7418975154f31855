import { describe, expect, it } from 'vitest';
import { nextTurn, routeOrder, type RotationCandidate } from './rotation';
import { candidate } from './rotation.testing';

const names = (targets: { staffId: string }[]) => targets.map((t) => t.staffId.slice(3));

describe('routeOrder', () => {
  const unit = [candidate('anna'), candidate('berta'), candidate('cecilija'), candidate('dace')];

  it('starts a round robin at the top of the list when nobody has been rung yet', () => {
    expect(names(routeOrder(unit, 'round_robin', null))).toEqual([
      'anna',
      'berta',
      'cecilija',
      'dace',
    ]);
  });

  it('starts a round robin with the member whose turn it is and goes on around the list', () => {
    expect(names(routeOrder(unit, 'round_robin', 'id-cecilija'))).toEqual([
      'cecilija',
      'dace',
      'anna',
      'berta',
    ]);
  });

  it('skips whoever is absent, on a call or serving a visitor', () => {
    const busy = [
      candidate('anna', { absent: true }),
      candidate('berta', { onCall: true }),
      candidate('cecilija', { servingVisitor: true }),
      candidate('dace'),
    ];
    expect(names(routeOrder(busy, 'round_robin', null))).toEqual(['dace']);
    expect(names(routeOrder(busy, 'longest_idle', null))).toEqual(['dace']);
  });

  it('starts with the member whose turn it is among the free ones, the busy left out', () => {
    const busy = [candidate('anna'), candidate('berta', { onCall: true }), candidate('cecilija')];
    expect(names(routeOrder(busy, 'round_robin', 'id-cecilija'))).toEqual(['cecilija', 'anna']);
  });

  it('starts at the top of the list when the turn is nobody free', () => {
    expect(names(routeOrder(unit, 'round_robin', 'id-somebody-gone'))[0]).toBe('anna');
  });

  it('rings the longest idle first, those never called before anyone', () => {
    const idle = [
      candidate('anna', { lastCallEndedAt: new Date('2026-03-02T08:30:00Z') }),
      candidate('berta', { lastCallEndedAt: new Date('2026-03-02T08:10:00Z') }),
      candidate('cecilija'),
    ];
    expect(names(routeOrder(idle, 'longest_idle', null))).toEqual(['cecilija', 'berta', 'anna']);
  });

  it('falls back to the stand-ins of absent members, after the members, each once', () => {
    const withStandIns = [
      candidate('anna', { absent: true }),
      candidate('berta'),
      candidate('zane', { member: false }),
      candidate('zane', { member: false }),
      candidate('berta', { member: false }),
      candidate('ilze', { member: false, servingVisitor: true }),
    ];
    const order = routeOrder(withStandIns, 'round_robin', null);
    expect(order.map((t) => [t.staffId, t.substitute])).toEqual([
      ['id-berta', false],
      ['id-zane', true],
    ]);
  });

  it('answers an empty list when nobody is free', () => {
    expect(routeOrder([candidate('anna', { absent: true })], 'round_robin', null)).toEqual([]);
  });
});

describe('nextTurn', () => {
  const unit = [candidate('dace'), candidate('anna'), candidate('cecilija'), candidate('berta')];
  const turn = (candidates: RotationCandidate[], last: string | null) =>
    nextTurn(candidates, last)?.slice(3) ?? null;

  it('gives the turn to the top of the list when nobody has been rung yet', () => {
    expect(turn(unit, null)).toBe('anna');
  });

  it('gives the turn to the next member down the list, and around from the top', () => {
    expect(turn(unit, 'id-anna')).toBe('berta');
    expect(turn(unit, 'id-cecilija')).toBe('dace');
    expect(turn(unit, 'id-dace')).toBe('anna');
  });

  it('passes over the busy, and wraps past them at the top', () => {
    const busy = unit.map((c) =>
      c.staffId === 'id-berta'
        ? { ...c, onCall: true }
        : c.staffId === 'id-anna'
          ? { ...c, absent: true }
          : c,
    );
    expect(turn(busy, 'id-anna')).toBe('cecilija');
    expect(turn(busy, 'id-dace')).toBe('cecilija');
  });

  it('goes on after the one rung last even when they have become busy since', () => {
    const busy = unit.map((c) => (c.staffId === 'id-berta' ? { ...c, servingVisitor: true } : c));
    expect(turn(busy, 'id-berta')).toBe('cecilija');
  });

  it('starts at the top when the one rung last is no longer a member, stand-ins never taking a turn', () => {
    const standIn = candidate('bruno', { member: false });
    expect(turn([...unit, standIn], 'id-zane')).toBe('anna');
    expect(turn([...unit, standIn], 'id-bruno')).toBe('anna');
    expect(turn([standIn], null)).toBeNull();
  });

  it('gives nobody the turn when no member is free', () => {
    expect(
      turn(
        unit.map((c) => ({ ...c, onCall: true })),
        'id-anna',
      ),
    ).toBeNull();
  });
});
