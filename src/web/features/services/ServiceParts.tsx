import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';

/** When a card or an article is next checked, and whether that day has passed. */
export function ReviewDate(props: { item: { reviewOn: string; reviewOverdue: boolean } }) {
  const { t } = useTranslation();
  return (
    <>
      {formatDate(props.item.reviewOn)}
      {props.item.reviewOverdue && (
        <>
          {' '}
          <span className="badge badge-danger">{t('catalogue.overdue')}</span>
        </>
      )}
    </>
  );
}
