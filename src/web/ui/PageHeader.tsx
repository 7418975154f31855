import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's heading, its purpose in one sentence, and its main actions; also sets the tab title. */
export function PageHeader(props: { title: string; intro?: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${props.title} · ${t('app.name')}`;
  }, [props.title, t]);
  return (
    <div className="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.intro && <p className="page-intro">{props.intro}</p>}
      </div>
      {props.actions && <div className="page-actions">{props.actions}</div>}
    </div>
  );
}
