import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TClientSummary } from '../../../contracts/clients.contracts';
import { useClientsMatching } from '../../api/cases';

/** What tells two clients of the same name apart, personal codes masked. */
export function clientDetails(client: TClientSummary): string {
  return [client.personalCodeMasked ?? client.registrationNumber, client.phone, client.email]
    .filter(Boolean)
    .join(' · ');
}

/** Finds a client by name, personal code, phone or email; each match can be chosen. */
export function ClientSearch(props: {
  label: string;
  onChoose: (client: TClientSummary) => void;
  /** The record itself, when looking for another one (a merge). */
  exclude?: string;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [words, setWords] = useState('');
  const found = useClientsMatching({ q: words.trim(), pageSize: 10 });
  const matches = (found.data?.items ?? []).filter((client) => client.id !== props.exclude);
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <div id={`${id}-hint`} className="field-hint">
        {t('clients.searchHint')}
      </div>
      <input
        id={id}
        type="search"
        value={words}
        aria-describedby={props.error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={props.error ? true : undefined}
        onChange={(event) => setWords(event.target.value)}
      />
      {props.error && (
        <div id={`${id}-error`} className="field-error">
          {props.error}
        </div>
      )}
      {words.trim() !== '' && found.data && (
        <div aria-live="polite">
          {matches.length === 0 ? (
            <p className="muted">{t('clients.noneFound')}</p>
          ) : (
            <ul className="choice-list">
              {matches.map((client) => (
                <li key={client.id}>
                  <span>
                    <strong>{client.displayName}</strong>{' '}
                    <span className="muted">{clientDetails(client)}</span>
                  </span>
                  <button
                    type="button"
                    className="button-secondary"
                    aria-label={`${t('clients.choose')}: ${client.displayName}`}
                    onClick={() => props.onChoose(client)}
                  >
                    {t('clients.choose')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
