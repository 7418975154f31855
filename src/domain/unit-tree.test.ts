import { describe, expect, it } from 'vitest';
import { subtreeIds, wouldCreateCycle, type UnitNode } from './unit-tree';

// council ─┬─ social ─┬─ benefits
//          │          └─ care ── homecare
//          └─ centre
// registry (a second root)
const units: UnitNode[] = [
  { id: 'council', parentId: null },
  { id: 'social', parentId: 'council' },
  { id: 'benefits', parentId: 'social' },
  { id: 'care', parentId: 'social' },
  { id: 'homecare', parentId: 'care' },
  { id: 'centre', parentId: 'council' },
  { id: 'registry', parentId: null },
];

describe('subtreeIds', () => {
  it('gives a unit and everything below it, at any depth', () => {
    expect(subtreeIds(units, ['social'])).toEqual(
      new Set(['social', 'benefits', 'care', 'homecare']),
    );
  });

  it('gives a leaf alone', () => {
    expect(subtreeIds(units, ['homecare'])).toEqual(new Set(['homecare']));
  });

  it('joins several roots, counting a unit below two of them once', () => {
    expect(subtreeIds(units, ['care', 'social', 'registry'])).toEqual(
      new Set(['social', 'benefits', 'care', 'homecare', 'registry']),
    );
  });

  it('gives nothing for no roots', () => {
    expect(subtreeIds(units, []).size).toBe(0);
  });

  it('does not climb up to parents or across to siblings', () => {
    const reach = subtreeIds(units, ['care']);
    expect(reach.has('social')).toBe(false);
    expect(reach.has('benefits')).toBe(false);
  });
});

describe('wouldCreateCycle', () => {
  it('refuses a unit under itself', () => {
    expect(wouldCreateCycle(units, 'care', 'care')).toBe(true);
  });

  it('refuses a unit under its own child or grandchild', () => {
    expect(wouldCreateCycle(units, 'social', 'care')).toBe(true);
    expect(wouldCreateCycle(units, 'council', 'homecare')).toBe(true);
  });

  it('allows a move to a sibling, an ancestor, another tree or the top', () => {
    expect(wouldCreateCycle(units, 'care', 'benefits')).toBe(false);
    expect(wouldCreateCycle(units, 'homecare', 'council')).toBe(false);
    expect(wouldCreateCycle(units, 'social', 'registry')).toBe(false);
    expect(wouldCreateCycle(units, 'social', null)).toBe(false);
  });
});
