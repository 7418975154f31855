import { describe, expect, it } from 'vitest';
import { routeOrder, type RotationCandidate } from './rotation';

const person = (name: string, more: Partial<RotationCandidate> = {}): RotationCandidate => ({
  staffId: `id-${name}`,
  extension: `1${name.charCodeAt(0)}`,
  member: true,
  absent: false,
  onCall: false,
  servingVisitor: false,
  lastCallEndedAt: null,
  sortKey: name,
  ...more,
});

const names = (targets: { staffId: string }[]) => targets.map((t) => t.staffId.slice(3));

describe('routeOrder', () => {
  const unit = [person('anna'), person('berta'), person('cecilija'), person('dace')];

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
      person('anna', { absent: true }),
      person('berta', { onCall: true }),
      person('cecilija', { servingVisitor: true }),
      person('dace'),
    ];
    expect(names(routeOrder(busy, 'round_robin', null))).toEqual(['dace']);
    expect(names(routeOrder(busy, 'longest_idle', null))).toEqual(['dace']);
  });

  it('starts with the member whose turn it is among the free ones, the busy left out', () => {
    const busy = [person('anna'), person('berta', { onCall: true }), person('cecilija')];
    expect(names(routeOrder(busy, 'round_robin', 'id-cecilija'))).toEqual(['cecilija', 'anna']);
  });

  it('starts at the top of the list when the turn is nobody free', () => {
    expect(names(routeOrder(unit, 'round_robin', 'id-somebody-gone'))[0]).toBe('anna');
  });

  it('rings the longest idle first, those never called before anyone', () => {
    const idle = [
      person('anna', { lastCallEndedAt: new Date('2026-03-02T08:30:00Z') }),
      person('berta', { lastCallEndedAt: new Date('2026-03-02T08:10:00Z') }),
      person('cecilija'),
    ];
    expect(names(routeOrder(idle, 'longest_idle', null))).toEqual(['cecilija', 'berta', 'anna']);
  });

  it('falls back to the stand-ins of absent members, after the members, each once', () => {
    const withStandIns = [
      person('anna', { absent: true }),
      person('berta'),
      person('zane', { member: false }),
      person('zane', { member: false }),
      person('berta', { member: false }),
      person('ilze', { member: false, servingVisitor: true }),
    ];
    const order = routeOrder(withStandIns, 'round_robin', null);
    expect(order.map((t) => [t.staffId, t.substitute])).toEqual([
      ['id-berta', false],
      ['id-zane', true],
    ]);
  });

  it('answers an empty list when nobody is free', () => {
    expect(routeOrder([person('anna', { absent: true })], 'round_robin', null)).toEqual([]);
  });
});
