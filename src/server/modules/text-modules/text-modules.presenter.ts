import type { TTextModule } from '../../../contracts/text-modules.contracts';
import type { TextModuleRow } from './text-modules.repository';

export function presentTextModule(row: TextModuleRow): TTextModule {
  return {
    id: row.id,
    title: row.title,
    language: row.language === 'en' ? 'en' : 'lv',
    body: row.body,
    active: row.active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
