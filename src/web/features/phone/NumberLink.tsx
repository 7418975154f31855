import { useTranslation } from 'react-i18next';
import { telHref } from './phone-links';

/** A resident's number to ring, or the words for a caller who withheld theirs (no number). */
export function NumberLink(props: { number: string }) {
  const { t } = useTranslation();
  if (!props.number) return <span className="muted">{t('phone.withheld')}</span>;
  return <a href={telHref(props.number)}>{props.number}</a>;
}
