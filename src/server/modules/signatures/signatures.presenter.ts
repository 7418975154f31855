import type { TSignatureTemplate } from '../../../contracts/signatures.contracts';
import type { SignatureProfile } from '../../../domain/letters';
import type { SignatureProfileRow, SignatureTemplateRow } from './signatures.repository';

export function presentSignatureTemplate(row: SignatureTemplateRow): TSignatureTemplate {
  return {
    language: row.language === 'en' ? 'en' : 'lv',
    template: row.template,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy:
      row.updated_by && row.updated_by_given_name !== null
        ? {
            id: row.updated_by,
            name: `${row.updated_by_given_name} ${row.updated_by_surname ?? ''}`.trim(),
          }
        : null,
  };
}

/** The person as their signature shows them: a unit's phone stands in for a missing own one. */
export function profileOf(row: SignatureProfileRow): SignatureProfile {
  return {
    givenName: row.given_name,
    surname: row.surname,
    position: row.position,
    unit: row.unit_name,
    institution: row.institution_name,
    phone: row.phone ?? row.unit_phone,
    email: row.email,
    website: row.institution_website,
  };
}
