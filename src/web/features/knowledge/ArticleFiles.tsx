import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TArticle, TArticleFile } from '../../../contracts/articles.contracts';
import { api } from '../../api/client';
import { uploadArticleFile, useReloadKnowledge } from '../../api/knowledge';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime, formatSize } from '../../ui/format';
import { ActionError, useAction } from '../../ui/server-form';

/**
 * The article's files: recordings play in the page, the rest download. Editors add and remove
 * them; images go into the text from the editor.
 */
export function ArticleFiles(props: { article: TArticle; editable: boolean }) {
  const { t } = useTranslation();
  const reload = useReloadKnowledge();
  const { article } = props;
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [removing, setRemoving] = useState<TArticleFile | null>(null);
  const upload = useAction({
    run: (file: File) => uploadArticleFile(article.id, file),
    onDone: reload,
    onSuccess: () => {
      if (input.current) input.current.value = '';
    },
  });
  const remove = useAction({
    run: (file: TArticleFile) => api.delete(`/articles/${article.id}/files/${file.id}`),
    onDone: reload,
    onSuccess: () => setRemoving(null),
  });
  const videos = article.files.filter((file) => file.contentType.startsWith('video/'));
  const others = article.files.filter((file) => !file.contentType.startsWith('video/'));

  return (
    <>
      {article.files.length === 0 && <p className="muted">{t('knowledge.noFiles')}</p>}
      {videos.map((file) => (
        <figure key={file.id} className="article-video">
          <video controls preload="metadata" src={file.url}>
            <a href={file.url}>{file.filename}</a>
          </video>
          <figcaption>
            {file.filename} <span className="muted">· {formatSize(file.size)}</span>
            {props.editable && <RemoveButton file={file} onClick={() => setRemoving(file)} />}
          </figcaption>
        </figure>
      ))}
      {others.length > 0 && (
        <ul className="plain-list">
          {others.map((file) => (
            <li key={file.id}>
              <span>
                <a href={file.url} download={file.filename}>
                  {file.filename}
                </a>{' '}
                <span className="muted">
                  {file.contentType.startsWith('image/') && `${t('knowledge.image')} · `}
                  {formatSize(file.size)} · {formatDateTime(file.uploadedAt)}
                </span>
              </span>
              {props.editable && <RemoveButton file={file} onClick={() => setRemoving(file)} />}
            </li>
          ))}
        </ul>
      )}
      <ActionError error={upload.error} />
      {props.editable && (
        <form
          className="inline-form no-print"
          onSubmit={(event) => {
            event.preventDefault();
            const file = input.current?.files?.[0];
            if (file) upload.mutate(file);
          }}
        >
          <div className="field">
            <label htmlFor={inputId}>{t('knowledge.file')}</label>
            <input id={inputId} ref={input} type="file" />
          </div>
          <button type="submit" className="button-secondary" disabled={upload.isPending}>
            {upload.isPending ? t('editor.uploading') : t('knowledge.upload')}
          </button>
        </form>
      )}
      <Dialog
        title={t('knowledge.removeFileTitle')}
        open={removing !== null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        {removing && (
          <>
            <p>{t('knowledge.removeFileText', { filename: removing.filename })}</p>
            {article.bodyHtml.includes(removing.url) && (
              <p className="notice notice-warning">{t('knowledge.removeFileInText')}</p>
            )}
            <ActionError error={remove.error} />
            <div className="form-actions">
              <button
                type="button"
                className="button-primary button-destructive"
                disabled={remove.isPending}
                onClick={() => remove.mutate(removing)}
              >
                {t('common.delete')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setRemoving(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </>
  );
}

function RemoveButton(props: { file: TArticleFile; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button-link button-danger no-print"
      aria-label={`${t('common.delete')}: ${props.file.filename}`}
      onClick={props.onClick}
    >
      {t('common.delete')}
    </button>
  );
}
