import { knowledgeAbilitiesOf, type Viewer } from '../../../domain/knowledge';
import { isReviewOverdue } from '../../../domain/knowledge-search';
import type { TService, TServiceSummary } from '../../../contracts/catalogue.contracts';
import type { LinkJson } from '../../db/schema';
import type { ServiceCardRow, ServiceListRow } from './catalogue.repository';
import { presentOwner } from '../staff/staff.presenter';

/** The card as it was saved, without what is worked out on reading it: kept in the audit log. */
export type ServiceCard = Omit<TService, 'specialists' | 'articles' | 'requestCounts' | 'can'>;

export function presentServiceSummary(
  row: Omit<ServiceListRow, 'total'>,
  today: string,
): TServiceSummary {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    kind: row.kind,
    institution:
      row.institution_id && row.institution_name
        ? { id: row.institution_id, name: row.institution_name }
        : null,
    unit: row.unit_id && row.unit_name ? { id: row.unit_id, name: row.unit_name } : null,
    competence: row.competence,
    eServiceUrl: row.e_service_url,
    owner: presentOwner(row),
    reviewOn: row.review_on,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    reviewOverdue: isReviewOverdue(row.review_on, today),
    active: row.active,
    version: row.version,
  };
}

const linksOf = (links: readonly LinkJson[]) =>
  links.map((link) => ({ title: link.title, url: link.url }));

export function presentServiceCard(
  row: ServiceCardRow,
  related: ServiceCard['related'],
  today: string,
): ServiceCard {
  return {
    ...presentServiceSummary(row, today),
    description: row.description,
    audience: row.audience,
    territory: row.territory,
    fee: row.fee,
    duration: row.duration,
    steps: row.steps,
    documents: linksOf(row.documents),
    legalActs: linksOf(row.legal_acts),
    notices: row.notices,
    related,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The card with what is worked out on reading it, and what the viewer may do with it. */
export function presentService(
  card: ServiceCard,
  reading: Pick<TService, 'specialists' | 'articles' | 'requestCounts'>,
  viewer: Viewer,
): TService {
  return { ...card, ...reading, can: knowledgeAbilitiesOf(viewer, { ownerId: card.owner.id }) };
}
