import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TArticleHit, TSnippet } from '../../../contracts/articles.contracts';
import type { TReplyBody } from '../../../contracts/correspondence.contracts';
import type { TRequestDetail } from '../../../contracts/requests.contracts';
import type { TTextModule } from '../../../contracts/text-modules.contracts';
import { fillTextModule, type LetterLanguage } from '../../../domain/letters';
import { isOpen } from '../../../domain/requests';
import { useArticlesLike } from '../../api/knowledge';
import { useReloadCases } from '../../api/cases';
import { api } from '../../api/client';
import { useMySignature } from '../../api/letters';
import { useRequestMail } from '../../api/mail';
import { corrected, SpellingIssues, SpellingTextarea, useSpelling } from '../letters/Spelling';
import { TextModulePicker } from '../letters/TextModulePicker';
import { useDebounced } from '../../ui/debounce';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { ErrorNotice } from '../../ui/Notice';
import { useServerForm } from '../../ui/server-form';
import { LetterLanguageOptions } from '../letters/LetterLanguageOptions';

/** As many articles as the server attaches as PDF to one reply. */
const MAX_PDFS = 5;

interface ChosenArticle {
  id: string;
  title: string;
}

interface ReplyValues {
  language: LetterLanguage;
  subject: string;
  body: string;
  pdfs: ChosenArticle[];
  markAnswered: boolean;
  quote: boolean;
}

/** Where the link goes: at the cursor when the clerk has been in the text, else at the end. */
function withLine(
  body: string,
  line: string,
  cursor: number | null,
): { text: string; end: number } {
  if (cursor === null || cursor >= body.length) {
    const before = body.replace(/\s+$/, '');
    const text = before === '' ? line : `${before}\n${line}`;
    return { text, end: text.length };
  }
  const before = body.slice(0, cursor);
  const after = body.slice(cursor);
  const head = before === '' || before.endsWith('\n') ? before : `${before}\n`;
  const tail = after.startsWith('\n') ? after : `\n${after}`;
  return { text: `${head}${line}${tail}`, end: head.length + line.length };
}

/**
 * A written answer to the client (clause 21.2): subject, text started from a text module with
 * links to public articles, articles attached as PDF, the client's letter quoted, and whether it
 * answers the request. The signature is the server's, from the writer's profile; the composer
 * only shows it. Sent with the version read; the request reloads and the reply shows among the
 * letters.
 */
export function ReplyComposer(props: { request: TRequestDetail; onSent: () => void }) {
  const { t } = useTranslation();
  const reload = useReloadCases();
  const { request } = props;
  const body = useRef<HTMLTextAreaElement | null>(null);
  // Where the cursor was in the text when the clerk last was there; null until then.
  const cursor = useRef<number | null>(null);
  const [picking, setPicking] = useState<'article' | 'module' | null>(null);
  const mail = useRequestMail(request.id);
  // Only a letter a person let in is quoted; the server picks the latest of them.
  const hasLetter = (mail.data?.items ?? []).some(
    (letter) => letter.state === 'imported' || letter.state === 'released',
  );
  const defaultValues: ReplyValues = {
    language: request.clientLanguage === 'en' ? 'en' : 'lv',
    subject: t('reply.defaultSubject', { number: request.number }),
    body: '',
    pdfs: [],
    markAnswered: false,
    quote: true,
  };
  const { form, errors, formError, busy, onSubmit } = useServerForm<ReplyValues>({
    defaultValues,
    fields: {
      language: 'language',
      subject: 'subject',
      body: 'body',
      pdfArticleIds: 'pdfs',
      markAnswered: 'markAnswered',
      quote: 'quote',
    },
    send: (values) => {
      const reply: TReplyBody = {
        language: values.language,
        subject: values.subject,
        body: values.body,
        pdfArticleIds: values.pdfs.map((article) => article.id),
        markAnswered: isOpen(request.state) && values.markAnswered,
        quote: hasLetter && values.quote,
        version: request.version,
      };
      return api.post(`/requests/${request.id}/replies`, reply);
    },
    onSaved: async () => {
      cursor.current = null;
      await reload();
      props.onSent();
    },
    onConflict: reload,
    resetOnSave: true,
  });
  const pdfs = useWatch({ control: form.control, name: 'pdfs' });
  const language = useWatch({ control: form.control, name: 'language' });
  const text = useWatch({ control: form.control, name: 'body' });
  const signature = useMySignature(language);
  // Words the clerk keeps as written (a name, a term); the check leaves them be in this letter.
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const spelling = useSpelling(text, language, kept);
  // How many misspelt words the clerk was told about when sending; null when not asked.
  const [asked, setAsked] = useState<number | null>(null);
  const anyway = useRef(false);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!anyway.current) {
      // A check that cannot be made never holds a letter back.
      const open = await spelling.checkNow().catch(() => []);
      if (open.length > 0) {
        setAsked(new Set(open.map((issue) => issue.word)).size);
        return;
      }
    }
    anyway.current = false;
    setAsked(null);
    onSubmit(event);
  };
  const bodyField = form.register('body', {
    validate: (value) => value.trim() !== '' || t('reply.bodyRequired'),
  });
  const rememberCursor = () => {
    cursor.current = body.current?.selectionEnd ?? null;
  };

  const insert = (line: string) => {
    const { text, end } = withLine(form.getValues('body'), line, cursor.current);
    form.setValue('body', text, { shouldDirty: true });
    form.clearErrors('body');
    // What comes next goes after this.
    cursor.current = end;
  };
  const insertLink = (article: TArticleHit & { publicPath: string }) =>
    insert(`${article.title}: ${window.location.origin}${article.publicPath}`);
  const insertModule = (module: TTextModule) => {
    insert(
      fillTextModule(module.body, {
        client: request.client?.displayName ?? null,
        number: request.number,
        dueOn: request.dueOn,
      }),
    );
    setPicking(null);
  };
  const attach = (article: TArticleHit) => {
    const current = form.getValues('pdfs');
    if (current.length >= MAX_PDFS || current.some((chosen) => chosen.id === article.id)) return;
    form.setValue('pdfs', [...current, { id: article.id, title: article.title }], {
      shouldDirty: true,
    });
    form.clearErrors('pdfs');
  };
  const detach = (id: string) =>
    form.setValue(
      'pdfs',
      form.getValues('pdfs').filter((chosen) => chosen.id !== id),
      { shouldDirty: true },
    );

  return (
    <section aria-labelledby="request-reply" className="panel panel-wide reply-composer">
      <h2 id="request-reply">{t('reply.title')}</h2>
      <p className="muted">{t('reply.intro')}</p>
      <form onSubmit={(event) => void send(event)} noValidate>
        <FormError message={formError} />
        <div className="reply-head">
          <Field label={t('reply.subject')} required error={errors.subject?.message}>
            <input {...form.register('subject')} />
          </Field>
          <Field label={t('letters.language')} required error={errors.language?.message}>
            <select {...form.register('language')}>
              <LetterLanguageOptions />
            </select>
          </Field>
        </div>
        <div className="reply-tools">
          <button type="button" className="button-secondary" onClick={() => setPicking('module')}>
            {t('reply.addModule')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setPicking('article')}>
            {t('reply.addArticle')}
          </button>
        </div>
        <Field label={t('reply.body')} required error={errors.body?.message}>
          <SpellingTextarea
            rows={10}
            spellCheck={false}
            lang={language}
            value={text}
            issues={spelling.issues}
            name={bodyField.name}
            onBlur={(event) => void bodyField.onBlur(event)}
            textareaRef={(element) => {
              bodyField.ref(element);
              body.current = element;
            }}
            onChange={(event) => {
              void bodyField.onChange(event);
              rememberCursor();
            }}
            onSelect={rememberCursor}
            onKeyUp={rememberCursor}
            onClick={rememberCursor}
          />
        </Field>
        <SpellingIssues
          issues={spelling.issues}
          failed={spelling.failed}
          onFix={(word, fix) => {
            form.setValue('body', corrected(text, spelling.issues, word, fix), {
              shouldDirty: true,
            });
            setAsked(null);
          }}
          onKeep={(word) => setKept(new Set([...kept, word]))}
        />
        <div className="reply-signature">
          <h3 id="reply-signature-title">{t('reply.signature')}</h3>
          <pre aria-labelledby="reply-signature-title">{signature.data?.text ?? ''}</pre>
          <div className="field-hint">{t('reply.signatureHint')}</div>
        </div>
        {pdfs.length > 0 && (
          <div className="reply-pdfs">
            <h3 id="reply-pdfs-title">{t('reply.pdfs')}</h3>
            <ul className="chips" aria-labelledby="reply-pdfs-title">
              {pdfs.map((article) => (
                <li key={article.id} className="chip">
                  <span>{article.title} (PDF)</span>
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={t('reply.removePdf', { title: article.title })}
                    onClick={() => detach(article.id)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {errors.pdfs?.message && (
          <div className="field-error" role="alert">
            {errors.pdfs.message}
          </div>
        )}
        {hasLetter && (
          <div className="field field-check">
            <input id="reply-quote" type="checkbox" {...form.register('quote')} />
            <label htmlFor="reply-quote">{t('reply.quote')}</label>
          </div>
        )}
        {isOpen(request.state) && (
          <div className="field field-check">
            <input id="reply-mark-answered" type="checkbox" {...form.register('markAnswered')} />
            <label htmlFor="reply-mark-answered">{t('reply.markAnswered')}</label>
          </div>
        )}
        {asked !== null && (
          <div className="notice notice-warning" role="alert">
            <p>{t('spelling.ask', { count: asked })}</p>
            <button
              type="submit"
              className="button-secondary"
              disabled={busy}
              onClick={() => {
                anyway.current = true;
              }}
            >
              {t('spelling.sendAnyway')}
            </button>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('reply.send')}
          </button>
        </div>
      </form>

      <Dialog
        title={t('reply.pickerTitle')}
        open={picking === 'article'}
        onClose={() => setPicking(null)}
      >
        <ArticlePicker
          chosen={pdfs}
          forResident={request.clientKind === 'external'}
          onInsertLink={insertLink}
          onAttach={attach}
          onClose={() => setPicking(null)}
        />
      </Dialog>
      <Dialog
        title={t('textModules.pickerTitle')}
        open={picking === 'module'}
        onClose={() => setPicking(null)}
      >
        <TextModulePicker
          language={language}
          onPick={insertModule}
          onClose={() => setPicking(null)}
        />
      </Dialog>
    </section>
  );
}

/** A piece of an article's text with the words searched for marked. */
function SnippetText(props: { snippet: TSnippet }) {
  return (
    <p className="snippet">
      {props.snippet.map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </p>
  );
}

/** Finds knowledge-base articles (diacritics optional) and puts a link or a PDF into the reply. */
function ArticlePicker(props: {
  chosen: ChosenArticle[];
  /** A resident is sent public articles only; a colleague may have internal ones as PDF. */
  forResident: boolean;
  onInsertLink: (article: TArticleHit & { publicPath: string }) => void;
  onAttach: (article: TArticleHit) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const search = useRef<HTMLInputElement>(null);
  const [words, setWords] = useState('');
  const settled = useDebounced(words, 250);
  const found = useArticlesLike(settled);
  const [done, setDone] = useState('');
  const full = props.chosen.length >= MAX_PDFS;
  const hits = settled.trim() === '' ? [] : (found.data?.items ?? []);
  // The dialog, once open, puts the focus on its first control; the search box is where to start.
  useEffect(() => {
    const frame = requestAnimationFrame(() => search.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <div className="article-picker">
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('reply.search')}</label>
        <div id={`${id}-hint`} className="field-hint">
          {t('reply.searchHint')}
        </div>
        <input
          ref={search}
          id={`${id}-search`}
          type="search"
          aria-describedby={`${id}-hint`}
          value={words}
          onChange={(event) => setWords(event.target.value)}
        />
      </div>
      <div role="status" className="picker-status">
        {done}
      </div>
      {found.isError && <ErrorNotice error={found.error} onRetry={() => void found.refetch()} />}
      {settled.trim() !== '' && found.data && hits.length === 0 && (
        <p className="muted">{t('reply.noneFound')}</p>
      )}
      {full && <p className="notice notice-info">{t('reply.maxPdfs', { max: MAX_PDFS })}</p>}
      {hits.length > 0 && (
        <ul className="article-hits" aria-label={t('reply.results')}>
          {hits.map((hit) => {
            const titleId = `${id}-${hit.id}`;
            const attached = props.chosen.some((chosen) => chosen.id === hit.id);
            const publicPath = hit.publicPath;
            return (
              <li key={hit.id} className="article-hit">
                <h3 id={titleId}>{hit.title}</h3>
                <div className="muted">
                  {t(`reply.kinds.${hit.kind}`)} · {t(`reply.visibility.${hit.visibility}`)}
                </div>
                <SnippetText snippet={hit.snippet} />
                {publicPath === null && (
                  <p className="muted">
                    {props.forResident
                      ? t('reply.internalNotForResident')
                      : t('reply.internalOnly')}
                  </p>
                )}
                <div className="article-hit-actions">
                  {publicPath !== null && (
                    <button
                      type="button"
                      className="button-secondary"
                      aria-describedby={titleId}
                      onClick={() => {
                        props.onInsertLink({ ...hit, publicPath });
                        setDone(t('reply.linkInserted', { title: hit.title }));
                      }}
                    >
                      {t('reply.insertLink')}
                    </button>
                  )}
                  {props.forResident && hit.visibility !== 'public' ? null : attached ? (
                    <span className="badge badge-ok">{t('reply.attached')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button-secondary"
                      aria-describedby={titleId}
                      disabled={full}
                      onClick={() => {
                        props.onAttach(hit);
                        setDone(t('reply.pdfAdded', { title: hit.title }));
                      }}
                    >
                      {t('reply.attachPdf')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={props.onClose}>
          {t('reply.done')}
        </button>
      </div>
    </div>
  );
}
