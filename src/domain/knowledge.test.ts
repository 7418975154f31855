import { describe, expect, it } from 'vitest';
import { knowledgeAbilitiesOf } from './knowledge';
import { permissionsOf, type Role } from './roles';

const OWNER = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const viewer = (staffId: string | null, roles: Role[]) => ({
  staffId,
  permissions: permissionsOf(roles),
});

describe('knowledgeAbilitiesOf', () => {
  it('lets the knowledge editors (unit and client service heads) edit any item', () => {
    for (const role of ['unit_head', 'client_service_head'] as const) {
      expect(knowledgeAbilitiesOf(viewer(OTHER, [role]), { ownerId: OWNER })).toEqual({
        edit: true,
      });
    }
  });

  it('lets the owner edit their own item without the permission, and no one else', () => {
    expect(knowledgeAbilitiesOf(viewer(OWNER, ['specialist']), { ownerId: OWNER }).edit).toBe(true);
    expect(knowledgeAbilitiesOf(viewer(OTHER, ['specialist']), { ownerId: OWNER }).edit).toBe(
      false,
    );
    expect(knowledgeAbilitiesOf(viewer(OTHER, ['auditor']), { ownerId: OWNER }).edit).toBe(false);
  });

  it('makes no one the owner of an item without one, nor a system token the owner of any', () => {
    expect(knowledgeAbilitiesOf(viewer(null, ['specialist']), { ownerId: null }).edit).toBe(false);
    expect(knowledgeAbilitiesOf(viewer(null, ['specialist']), { ownerId: OWNER }).edit).toBe(false);
  });
});
