/** A unit as a node of the organisation tree. */
export interface UnitNode {
  id: string;
  parentId: string | null;
}

/** The given units and every unit below them. A unit head's reach is the subtree they head. */
export function subtreeIds(units: readonly UnitNode[], rootIds: Iterable<string>): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const siblings = children.get(unit.parentId) ?? [];
    siblings.push(unit.id);
    children.set(unit.parentId, siblings);
  }
  const reached = new Set<string>();
  const pending = [...rootIds];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    pending.push(...(children.get(id) ?? []));
  }
  return reached;
}

/** Whether moving `unitId` under `newParentId` would make the unit its own ancestor. */
export function wouldCreateCycle(
  units: readonly UnitNode[],
  unitId: string,
  newParentId: string | null,
): boolean {
  if (newParentId === null) return false;
  return subtreeIds(units, [unitId]).has(newParentId);
}
