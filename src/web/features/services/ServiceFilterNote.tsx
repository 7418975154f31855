import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useService } from '../../api/catalogue';

/** Says that a list shows one service's items only (opened from its card), and undoes it. */
export function ServiceFilterNote(props: { serviceId: string; onClear: () => void }) {
  const { t } = useTranslation();
  const service = useService(props.serviceId);
  if (props.serviceId === '') return null;
  return (
    <div className="notice notice-info filter-note">
      <span>
        {service.data ? (
          <>
            {t('catalogue.requestsFilter')}{' '}
            <Link to={`/services/${service.data.id}`}>{service.data.name}</Link>
          </>
        ) : (
          t('catalogue.requestsFilterUnknown')
        )}
      </span>
      <button type="button" className="button-link" onClick={props.onClear}>
        {t('catalogue.clearFilter')}
      </button>
    </div>
  );
}
