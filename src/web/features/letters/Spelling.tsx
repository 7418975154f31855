import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, type ComponentPropsWithoutRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSpellingResult } from '../../../contracts/spelling.contracts';
import type { LetterLanguage } from '../../../domain/letters';
import { api } from '../../api/client';
import { useDebounced } from '../../ui/debounce';

type Issue = TSpellingResult['issues'][number];

/** A check's answer with the very text it is about: offsets only fit that text. */
interface Checked {
  text: string;
  issues: Issue[];
}

const checkKey = (language: LetterLanguage, text: string) => ['spelling', language, text];
const check = async (language: LetterLanguage, text: string): Promise<Checked> => {
  const result = await api.post('/spelling', { text, language });
  return { text, issues: result.issues };
};

/**
 * The spelling of a letter's text (clause 21.2.7), asked of the server once the typing pauses.
 * `issues` are those of the current text only, never a stale check's; words the clerk chose to
 * keep are left out. `checkNow` checks the text as it is, for the moment of sending.
 */
export function useSpelling(text: string, language: LetterLanguage, kept: ReadonlySet<string>) {
  const queryClient = useQueryClient();
  const settled = useDebounced(text, 500);
  const query = useQuery({
    queryKey: checkKey(language, settled),
    queryFn: () => check(language, settled),
    enabled: settled.trim() !== '',
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
  const open = (checked: Checked | undefined) =>
    (checked?.issues ?? []).filter((issue) => !kept.has(issue.word));
  return {
    issues: query.data?.text === text ? open(query.data) : [],
    failed: query.isError,
    async checkNow(): Promise<Issue[]> {
      if (text.trim() === '') return [];
      return open(
        await queryClient.fetchQuery({
          queryKey: checkKey(language, text),
          queryFn: () => check(language, text),
          staleTime: Infinity,
        }),
      );
    },
  };
}

/** The text with each occurrence of the word put right; later occurrences first, so offsets hold. */
export function corrected(text: string, issues: readonly Issue[], word: string, fix: string) {
  return issues
    .filter((issue) => issue.word === word)
    .sort((a, b) => b.start - a.start)
    .reduce((result, issue) => result.slice(0, issue.start) + fix + result.slice(issue.end), text);
}

/**
 * A text area whose misspelt words are underlined: a copy of the text lies under the transparent
 * area, in the same font and wrapping, with those words marked, and scrolls with it.
 */
export function SpellingTextarea(
  props: ComponentPropsWithoutRef<'textarea'> & {
    value: string;
    issues: readonly Issue[];
    textareaRef: Ref<HTMLTextAreaElement>;
  },
) {
  const { issues, textareaRef, value, onScroll, ...rest } = props;
  const backdrop = useRef<HTMLDivElement>(null);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const issue of [...issues].sort((a, b) => a.start - b.start)) {
    if (issue.start < at) continue;
    parts.push(value.slice(at, issue.start));
    parts.push(
      <mark key={issue.start} className="misspelt">
        {value.slice(issue.start, issue.end)}
      </mark>,
    );
    at = issue.end;
  }
  parts.push(value.slice(at));
  return (
    <div className="spelling-area">
      <div ref={backdrop} className="spelling-backdrop" aria-hidden="true">
        {parts}
        {/* A final newline takes no height in a div; this keeps the copy as tall as the text. */}
        {'\n '}
      </div>
      <textarea
        {...rest}
        ref={textareaRef}
        onScroll={(event) => {
          if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
          onScroll?.(event);
        }}
      />
    </div>
  );
}

/** The misspelt words with their suggestions: one click puts a word right, or keeps it as written. */
export function SpellingIssues(props: {
  issues: readonly Issue[];
  failed: boolean;
  onFix: (word: string, fix: string) => void;
  onKeep: (word: string) => void;
}) {
  const { t } = useTranslation();
  const words = new Map<string, Issue>();
  for (const issue of props.issues) if (!words.has(issue.word)) words.set(issue.word, issue);
  if (props.failed)
    return (
      <p className="field-hint" role="status">
        {t('spelling.unavailable')}
      </p>
    );
  return (
    <div className="spelling-issues" role="status">
      {words.size > 0 && (
        <>
          <h3>{t('spelling.title', { count: words.size })}</h3>
          <ul>
            {[...words.values()].map((issue) => (
              <li key={issue.word}>
                <span className="misspelt">{issue.word}</span>
                {issue.suggestions.length === 0 && (
                  <span className="muted"> {t('spelling.noSuggestions')}</span>
                )}
                {issue.suggestions.map((suggestion) => (
                  <button
                    key={suggestion}
                    type="button"
                    className="button-secondary button-small"
                    aria-label={t('spelling.replace', { word: issue.word, suggestion })}
                    onClick={() => props.onFix(issue.word, suggestion)}
                  >
                    {suggestion}
                  </button>
                ))}
                <button
                  type="button"
                  className="button-link"
                  aria-label={t('spelling.keepWord', { word: issue.word })}
                  onClick={() => props.onKeep(issue.word)}
                >
                  {t('spelling.keep')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
