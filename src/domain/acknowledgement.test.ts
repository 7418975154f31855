import { describe, expect, it } from 'vitest';
import { fillAcknowledgement, unknownPlaceholders } from './acknowledgement';

describe('acknowledgement templates', () => {
  const values = { number: '2026-001234', due: '17.12.2026' };

  it('fills the Latvian and the English names of the number and the due date', () => {
    expect(
      fillAcknowledgement('Numurs {numurs}, atbilde līdz {termiņš}. [{number}] {due}', values),
    ).toBe('Numurs 2026-001234, atbilde līdz 17.12.2026. [2026-001234] 17.12.2026');
  });

  it('knows every placeholder it fills', () => {
    expect(unknownPlaceholders('{numurs} {number} {termiņš} {due}')).toEqual([]);
  });

  it('names the placeholders it does not know, each once', () => {
    expect(unknownPlaceholders('Labdien, {vārds}! {numurs} {Numurs} {vārds} {}')).toEqual([
      'vārds',
      'Numurs',
    ]);
  });

  it('leaves braces that hold no placeholder alone', () => {
    expect(unknownPlaceholders('a { b } c {x y}')).toEqual([]);
    expect(fillAcknowledgement('{x y} {numurs}', values)).toBe('{x y} 2026-001234');
  });
});
