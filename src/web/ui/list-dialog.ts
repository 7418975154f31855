import { useState } from 'react';

/**
 * The dialog of a list page (a record to edit, a new one, a question about one) and the notice
 * left when it is done: opening another dialog takes the last notice away, so a notice is always
 * about the last thing done.
 */
export function useListDialog<Subject>() {
  const [subject, setSubject] = useState<Subject | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    /** What the open dialog is about; null when none is open. */
    subject,
    notice,
    open: (next: Subject) => {
      setNotice(null);
      setSubject(next);
    },
    close: () => setSubject(null),
    /** Closes the dialog and says what was done. */
    done: (message: string) => {
      setSubject(null);
      setNotice(message);
    },
    /** Says what was done without a dialog (a row cancelled from the list). */
    tell: setNotice,
  };
}
