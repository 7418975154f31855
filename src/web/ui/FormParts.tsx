import { useTranslation } from 'react-i18next';

/** What the server said about the form as a whole (fields get their own messages). */
export function FormError(props: { message: string | null }) {
  if (!props.message) return null;
  return (
    <div className="notice notice-error" role="alert">
      {props.message}
    </div>
  );
}

/** Save and cancel; saving is disabled while the request is on its way. */
export function FormActions(props: { busy: boolean; onCancel: () => void; submitLabel?: string }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="button-primary" disabled={props.busy}>
        {props.submitLabel ?? t('common.save')}
      </button>
      <button type="button" className="button-secondary" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
