import { describe, expect, it } from 'vitest';
import { nextTurn, routeOrder, type RotationCandidate } from './rotation';

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

  it('gives the next turn after the person rung first last time, wrapping around', () => {
    expect(nextTurn(unit, 'id-berta')).toBe('id-cecilija');
    expect(nextTurn(unit, 'id-dace')).toBe('id-anna');
    expect(nextTurn(unit, null)).toBe('id-anna');
  });

  it('starts a round robin with the member whose turn it is and goes on around the list', () => {
    expect(names(routeOrder(unit, 'round_robin', 'id-cecilija'))).toEqual([
      'cecilija',
      'dace',
      'anna',
      'berta',
    ]);
  });

  it('gives no turn when no member is free', () => {
    const away = [person('anna', { absent: true }), person('zane', { member: false })];
    expect(nextTurn(away, 'id-anna')).toBeNull();
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

  it('moves past a last-rung person who is busy now to the next free one', () => {
    const busy = [person('anna'), person('berta', { onCall: true }), person('cecilija')];
    expect(nextTurn(busy, 'id-berta')).toBe('id-cecilija');
    expect(names(routeOrder(busy, 'round_robin', nextTurn(busy, 'id-berta')))).toEqual([
      'cecilija',
      'anna',
    ]);
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

  it('gives each member the first ring equally often over many calls', () => {
    const firsts = new Map<string, number>();
    let last: string | null = null;
    for (let call = 0; call < 400; call += 1) {
      const turn = nextTurn(unit, last);
      const first: string | null = routeOrder(unit, 'round_robin', turn)[0]?.staffId ?? null;
      if (first) firsts.set(first, (firsts.get(first) ?? 0) + 1);
      last = first;
    }
    expect([...firsts.values()]).toEqual([100, 100, 100, 100]);
  });
});
