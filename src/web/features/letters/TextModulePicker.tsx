import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTextModule } from '../../../contracts/text-modules.contracts';
import type { LetterLanguage } from '../../../domain/letters';
import { useTextModules } from '../../api/letters';
import { useDebounced } from '../../ui/debounce';
import { ErrorNotice, Loading } from '../../ui/Notice';

/** Finds a text module of the letter's language (diacritics optional) and hands it over. */
export function TextModulePicker(props: {
  language: LetterLanguage;
  onPick: (module: TTextModule) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const search = useRef<HTMLInputElement>(null);
  const [words, setWords] = useState('');
  const settled = useDebounced(words, 250);
  const found = useTextModules({ q: settled, language: props.language, page: 1, pageSize: 20 });
  useEffect(() => {
    const frame = requestAnimationFrame(() => search.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  const modules = found.data?.items ?? [];
  return (
    <div className="article-picker">
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('textModules.search')}</label>
        <input
          ref={search}
          id={`${id}-search`}
          type="search"
          value={words}
          onChange={(event) => setWords(event.target.value)}
        />
      </div>
      {found.isPending && <Loading />}
      {found.isError && <ErrorNotice error={found.error} onRetry={() => void found.refetch()} />}
      {found.data && modules.length === 0 && <p className="muted">{t('textModules.none')}</p>}
      {modules.length > 0 && (
        <ul className="article-hits" aria-label={t('textModules.title')}>
          {modules.map((module) => {
            const titleId = `${id}-${module.id}`;
            return (
              <li key={module.id} className="article-hit">
                <h3 id={titleId}>{module.title}</h3>
                <p className="snippet text-module-body">{module.body}</p>
                <div className="article-hit-actions">
                  <button
                    type="button"
                    className="button-secondary"
                    aria-describedby={titleId}
                    onClick={() => props.onPick(module)}
                  >
                    {t('textModules.insert')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="button-secondary" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
