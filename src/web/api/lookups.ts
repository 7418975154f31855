import { useQuery } from '@tanstack/react-query';
import type { TUnit } from '../../contracts/units.contracts';
import { api } from './client';

/** Every unit, for pickers and trees (a municipality has at most a few hundred). */
export function useAllUnits() {
  return useQuery({
    queryKey: ['units', 'all'],
    queryFn: () => api.get('/units', { pageSize: 500 }),
    select: (page) => page.items,
  });
}

export function useAllInstitutions() {
  return useQuery({
    queryKey: ['institutions', 'all'],
    queryFn: () => api.get('/institutions', { pageSize: 500, active: true }),
    select: (page) => page.items,
  });
}

export function useDirectoryFacets() {
  return useQuery({
    queryKey: ['directory', 'facets'],
    queryFn: () => api.get('/directory/facets'),
  });
}

/** Active colleagues matching the words, for choosing a person (e.g. a substitute). */
export function usePeopleMatching(words: string) {
  return useQuery({
    queryKey: ['directory', 'people', words],
    queryFn: () => api.get('/directory', { q: words, pageSize: 50 }),
    select: (page) => page.items,
    placeholderData: (previous) => previous,
  });
}

/** Units ordered as a tree: each unit after its parent, with its depth for indentation. */
export function unitTreeOrder(units: readonly TUnit[]): Array<{ unit: TUnit; depth: number }> {
  const children = new Map<string | null, TUnit[]>();
  for (const unit of units) {
    const parentKnown = unit.parentId !== null && units.some((other) => other.id === unit.parentId);
    const key = parentKnown ? unit.parentId : null;
    children.set(key, [...(children.get(key) ?? []), unit]);
  }
  const ordered: Array<{ unit: TUnit; depth: number }> = [];
  const visit = (parentId: string | null, depth: number) => {
    const siblings = (children.get(parentId) ?? []).sort(
      (a, b) =>
        a.institutionName.localeCompare(b.institutionName, 'lv') ||
        a.name.localeCompare(b.name, 'lv'),
    );
    for (const unit of siblings) {
      ordered.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}
