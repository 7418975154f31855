import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog on the native <dialog> element: the browser keeps focus inside, Escape closes
 * it, and focus returns to where it was.
 */
export function Dialog(props: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={props.onClose}>
      <div className="dialog-header">
        <h2 id={titleId}>{props.title}</h2>
        <button
          type="button"
          className="button-icon"
          onClick={props.onClose}
          aria-label={t('common.close')}
        >
          ×
        </button>
      </div>
      {props.open && <div className="dialog-body">{props.children}</div>}
    </dialog>
  );
}
