import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The search box in the header: on any page, the words go to the search page. */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  return (
    <form
      className="header-search"
      role="search"
      aria-label={t('search.quick')}
      onSubmit={(event) => {
        event.preventDefault();
        const words = text.trim();
        if (!words) return;
        setText('');
        void navigate(`/search?q=${encodeURIComponent(words)}`);
      }}
    >
      <label htmlFor="header-search" className="visually-hidden">
        {t('search.quickLabel')}
      </label>
      <input
        id="header-search"
        type="search"
        autoComplete="off"
        placeholder={t('search.quickPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="header-search-button" aria-label={t('search.quickSubmit')}>
        <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M12.5 12.5 17 17" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
    </form>
  );
}
