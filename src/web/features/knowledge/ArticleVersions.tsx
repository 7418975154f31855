import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TArticle, TArticleVersion, TDiffPart } from '../../../contracts/articles.contracts';
import { api } from '../../api/client';
import { useArticleVersion, useReloadKnowledge, useVersionComparison } from '../../api/knowledge';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime } from '../../ui/format';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { ActionError, useAction } from '../../ui/server-form';

interface Pair {
  from: number;
  to: number;
}

/**
 * The article's history: every saved version with who saved it and why; two chosen versions
 * compared; an older version viewed or made current again (the current one stays in the history).
 */
export function ArticleVersions(props: {
  article: TArticle;
  versions: UseQueryResult<TArticleVersion[]>;
  editable: boolean;
  onRestored: (revision: number) => void;
}) {
  const { t } = useTranslation();
  const { article, versions } = props;
  const [choice, setChoice] = useState<Partial<Pair>>({});
  const [compared, setCompared] = useState<Pair | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<TArticleVersion | null>(null);
  if (versions.isPending) return <Loading />;
  if (versions.isError)
    return <ErrorNotice error={versions.error} onRetry={() => void versions.refetch()} />;
  const items = versions.data;
  if (items.length === 0) return <p className="muted">{t('knowledge.noVersions')}</p>;
  const from = choice.from ?? items[1]?.revision ?? items[0]?.revision ?? 1;
  const to = choice.to ?? items[0]?.revision ?? 1;
  const compare = () => {
    if (from === to) {
      setChoiceError(t('knowledge.chooseTwoVersions'));
      return;
    }
    setChoiceError(null);
    // Older first, whichever way round they were picked.
    setCompared({ from: Math.min(from, to), to: Math.max(from, to) });
  };

  return (
    <>
      <div className="table-scroll">
        <table className="data-table compact versions-table">
          <caption className="visually-hidden">{t('knowledge.versions')}</caption>
          <thead>
            <tr>
              <th scope="col" className="no-print">
                {t('knowledge.from')}
              </th>
              <th scope="col" className="no-print">
                {t('knowledge.to')}
              </th>
              <th scope="col">{t('knowledge.version')}</th>
              <th scope="col">{t('knowledge.editedAt')}</th>
              <th scope="col">{t('knowledge.note')}</th>
              <th scope="col" className="cell-actions no-print">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((version) => {
              const current = version.revision === article.revision;
              return (
                <tr key={version.revision}>
                  <td className="no-print">
                    <input
                      type="radio"
                      name="compare-from"
                      aria-label={t('knowledge.compareFrom', { revision: version.revision })}
                      checked={from === version.revision}
                      onChange={() => setChoice({ from: version.revision, to })}
                    />
                  </td>
                  <td className="no-print">
                    <input
                      type="radio"
                      name="compare-to"
                      aria-label={t('knowledge.compareTo', { revision: version.revision })}
                      checked={to === version.revision}
                      onChange={() => setChoice({ from, to: version.revision })}
                    />
                  </td>
                  <td>
                    {t('knowledge.revision', { revision: version.revision })}{' '}
                    {current && <span className="badge badge-ok">{t('knowledge.current')}</span>}
                  </td>
                  <td>
                    {formatDateTime(version.editedAt)}
                    {version.editedBy && <div className="muted">{version.editedBy.name}</div>}
                  </td>
                  <td>
                    {version.note ?? <span className="muted">{t('common.none')}</span>}
                    {version.title !== article.title && (
                      <div className="muted">
                        {t('knowledge.titleWas', { title: version.title })}
                      </div>
                    )}
                  </td>
                  <td className="cell-actions no-print">
                    <button
                      type="button"
                      className="button-link"
                      aria-label={t('knowledge.viewVersion', { revision: version.revision })}
                      onClick={() => setViewing(version.revision)}
                    >
                      {t('knowledge.view')}
                    </button>
                    {props.editable && !current && (
                      <button
                        type="button"
                        className="button-link"
                        aria-label={t('knowledge.restoreVersion', { revision: version.revision })}
                        onClick={() => setRestoring(version)}
                      >
                        {t('knowledge.restore')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {items.length > 1 && (
        <div className="inline-form no-print">
          <button type="button" className="button-secondary" onClick={compare}>
            {t('knowledge.compare')}
          </button>
          {choiceError && (
            <span className="field-error" role="alert">
              {choiceError}
            </span>
          )}
        </div>
      )}
      {compared && <Comparison articleId={article.id} pair={compared} />}

      <Dialog
        title={viewing === null ? '' : t('knowledge.versionTitle', { revision: viewing })}
        open={viewing !== null}
        onClose={() => setViewing(null)}
      >
        {viewing !== null && <VersionView articleId={article.id} revision={viewing} />}
      </Dialog>
      <Dialog
        title={t('knowledge.restoreTitle')}
        open={restoring !== null}
        onClose={() => setRestoring(null)}
      >
        {restoring && (
          <RestoreConfirm
            article={article}
            version={restoring}
            onCancel={() => setRestoring(null)}
            onDone={() => {
              setRestoring(null);
              props.onRestored(restoring.revision);
            }}
          />
        )}
      </Dialog>
    </>
  );
}

function RestoreConfirm(props: {
  article: TArticle;
  version: TArticleVersion;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const reload = useReloadKnowledge();
  const restore = useAction({
    run: () =>
      api.post(`/articles/${props.article.id}/restore`, {
        revision: props.version.revision,
        version: props.article.version,
      }),
    onDone: reload,
    onSuccess: props.onDone,
  });
  return (
    <>
      <p>{t('knowledge.restoreText', { revision: props.version.revision })}</p>
      <ActionError error={restore.error} />
      <div className="form-actions">
        <button
          type="button"
          className="button-primary"
          disabled={restore.isPending}
          onClick={() => restore.mutate(undefined)}
        >
          {t('knowledge.restore')}
        </button>
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}

function VersionView(props: { articleId: string; revision: number }) {
  const version = useArticleVersion(props.articleId, props.revision);
  if (version.isPending) return <Loading />;
  if (version.isError) return <ErrorNotice error={version.error} />;
  const shown = version.data;
  return (
    <article lang={shown.language}>
      <p className="muted">
        {formatDateTime(shown.editedAt)}
        {shown.editedBy && ` · ${shown.editedBy.name}`}
        {shown.note && ` · ${shown.note}`}
      </p>
      <h3>{shown.title}</h3>
      {shown.summary && <p className="article-summary">{shown.summary}</p>}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: shown.bodyHtml }} />
    </article>
  );
}

/** Two versions side by side in one text: what went is struck through, what came is marked. */
function Comparison(props: { articleId: string; pair: Pair }) {
  const { t } = useTranslation();
  const comparison = useVersionComparison(props.articleId, props.pair);
  const heading = useRef<HTMLHeadingElement>(null);
  // The result appears below the table: take the reader there.
  useEffect(() => heading.current?.focus(), [props.pair]);
  return (
    <section aria-labelledby="version-comparison" className="comparison">
      <h3 id="version-comparison" ref={heading} tabIndex={-1}>
        {t('knowledge.comparisonTitle', { from: props.pair.from, to: props.pair.to })}
      </h3>
      {comparison.isPending ? (
        <Loading />
      ) : comparison.isError ? (
        <ErrorNotice error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : (
        <>
          <ul className="legend diff-legend">
            <li>
              <del>{t('knowledge.removedText')}</del> — {t('knowledge.removedLegend')}
            </li>
            <li>
              <ins>{t('knowledge.addedText')}</ins> — {t('knowledge.addedLegend')}
            </li>
          </ul>
          <dl className="diff-parts">
            <dt>{t('knowledge.articleTitle')}</dt>
            <dd>
              <Diff parts={comparison.data.title} />
            </dd>
            <dt>{t('knowledge.summary')}</dt>
            <dd>
              <Diff parts={comparison.data.summary} />
            </dd>
            <dt>{t('knowledge.body')}</dt>
            <dd>
              <Diff parts={comparison.data.body} />
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}

function Diff(props: { parts: TDiffPart[] }) {
  const { t } = useTranslation();
  if (props.parts.length === 0) return <span className="muted">{t('common.none')}</span>;
  if (props.parts.every((part) => part.op === 'same'))
    return (
      <div className="diff">
        {props.parts.map((part) => part.text).join('')}{' '}
        <span className="badge">{t('knowledge.unchanged')}</span>
      </div>
    );
  // Screen readers do not announce <ins> and <del>: hidden words say where each change begins.
  return (
    <div className="diff">
      {props.parts.map((part, index) =>
        part.op === 'added' ? (
          <ins key={index}>
            <span className="visually-hidden">[{t('knowledge.addedText')}: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.op === 'removed' ? (
          <del key={index}>
            <span className="visually-hidden">[{t('knowledge.removedText')}: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </div>
  );
}
