/** The municipality itself, or a state institution whose services its centres provide. */
export const INSTITUTION_KINDS = ['municipality', 'state'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** A department, a one-stop client service centre (VPVKAC), or another kind of unit. */
export const UNIT_KINDS = ['department', 'client_service_centre', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
