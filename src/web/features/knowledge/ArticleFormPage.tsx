import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate, useParams } from 'react-router';
import type { TArticle } from '../../../contracts/articles.contracts';
import { api } from '../../api/client';
import { uploadArticleFile, useArticle, useReloadKnowledge } from '../../api/knowledge';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { fullName } from '../../ui/format';
import { FormActions, FormError } from '../../ui/FormParts';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { PersonField } from '../../ui/PersonSelect';
import { RichTextField } from '../../ui/RichTextEditor';
import { useServerForm } from '../../ui/server-form';
import { ARTICLE_KINDS, ARTICLE_LANGUAGES, VISIBILITIES, nextYear } from './ArticleParts';
import { ServicesField } from './ServicesPicker';

interface Values {
  title: string;
  kind: TArticle['kind'];
  language: TArticle['language'];
  visibility: TArticle['visibility'];
  summary: string;
  bodyHtml: string;
  ownerId: string | null;
  reviewOn: string;
  serviceIds: string[];
  note: string;
}

const FIELDS = [
  'title',
  'kind',
  'language',
  'visibility',
  'summary',
  'bodyHtml',
  'ownerId',
  'reviewOn',
  'serviceIds',
  'note',
] as const;

/** A new article (/knowledge/new) or a change to one (/knowledge/:id/edit). */
export function ArticleFormPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const article = useArticle(id);
  const mayEdit = article.data?.can.edit ?? false;
  if (id === '') return <ArticleForm article={null} />;
  if (article.isPending) return <Loading />;
  if (article.isError)
    return <ErrorNotice error={article.error} onRetry={() => void article.refetch()} />;
  if (!mayEdit)
    return <PageHeader title={t('knowledge.editTitle')} intro={t('errors.forbidden')} />;
  return <ArticleForm key={id} article={article.data} />;
}

function ArticleForm(props: { article: TArticle | null }) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reload = useReloadKnowledge();
  const { article } = props;
  const leaving = useRef(false);
  // What the form opened with; a reload after a conflict does not change it.
  const [opened] = useState<Values>(() =>
    article
      ? {
          title: article.title,
          kind: article.kind,
          language: article.language,
          visibility: article.visibility,
          summary: article.summary ?? '',
          bodyHtml: article.bodyHtml,
          ownerId: article.owner.id,
          reviewOn: article.reviewOn,
          serviceIds: article.services.map((service) => service.id),
          note: '',
        }
      : {
          title: '',
          kind: 'guide',
          language: 'lv',
          visibility: 'internal',
          summary: '',
          bodyHtml: '',
          ownerId: me.id,
          reviewOn: nextYear(),
          serviceIds: [],
          note: '',
        },
  );
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values, TArticle>({
    defaultValues: opened,
    fields: FIELDS,
    send: (values) => {
      const body = { ...values, ownerId: values.ownerId ?? undefined };
      if (!article) return api.post('/articles', body);
      // Only what this person changed since the form opened: after a conflict, a colleague's
      // changes to the other fields stay.
      const changed = Object.fromEntries(
        Object.entries(body).filter(
          ([name, value]) =>
            name === 'note' ||
            JSON.stringify(value ?? null) !== JSON.stringify(opened[name as keyof Values] ?? null),
        ),
      );
      return api.patch(`/articles/${article.id}`, {
        ...changed,
        version: article.version,
      });
    },
    onSaved: async (saved) => {
      queryClient.setQueryData(['articles', 'detail', saved.id], saved);
      await reload();
      leaving.current = true;
      await navigate(`/knowledge/${saved.id}`);
    },
    onConflict: reload,
  });

  // Leaving with unsaved changes asks first: an article is long work to lose to a stray click.
  const dirty = form.formState.isDirty;
  const blocker = useBlocker(() => dirty && !leaving.current);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const uploadImage = article
    ? async (file: File) => {
        const uploaded = await uploadArticleFile(article.id, file);
        await reload();
        return uploaded.url;
      }
    : undefined;
  const cancel = () => void navigate(article ? `/knowledge/${article.id}` : '/knowledge');

  return (
    <>
      <PageHeader
        title={article ? t('knowledge.editTitle') : t('knowledge.newTitle')}
        {...(article ? { intro: article.title } : { intro: t('knowledge.newIntro') })}
      />
      <form onSubmit={onSubmit} noValidate className="article-form">
        <FormError message={formError} />
        <Field label={t('knowledge.articleTitle')} required error={errors.title?.message}>
          <input {...form.register('title')} />
        </Field>
        <div className="field-row">
          <Field label={t('knowledge.kind')} required error={errors.kind?.message}>
            <select {...form.register('kind')}>
              {ARTICLE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`knowledge.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('knowledge.language')} required error={errors.language?.message}>
            <select {...form.register('language')}>
              {ARTICLE_LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(`knowledge.languages.${language}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('knowledge.visibility')}
            required
            hint={t('knowledge.visibilityHint')}
            error={errors.visibility?.message}
          >
            {/* Making an article public puts it on the internet: editors decide (the server checks). */}
            <select {...form.register('visibility')} disabled={!can('knowledge.edit')}>
              {VISIBILITIES.map((visibility) => (
                <option key={visibility} value={visibility}>
                  {t(`knowledge.visibilities.${visibility}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field
          label={t('knowledge.summary')}
          hint={t('knowledge.summaryHint')}
          error={errors.summary?.message}
        >
          <textarea rows={2} {...form.register('summary')} />
        </Field>
        <RichTextField
          control={form.control}
          name="bodyHtml"
          label={t('knowledge.body')}
          required
          error={errors.bodyHtml?.message}
          {...(uploadImage
            ? { onUploadImage: uploadImage }
            : { imagesUnavailable: t('knowledge.saveFirstForImages') })}
        />
        <div className="field-row">
          <PersonField
            control={form.control}
            name="ownerId"
            label={t('knowledge.owner')}
            required
            currentName={article ? fullName(article.owner) : fullName(me)}
            error={errors.ownerId?.message}
          />
          <Field
            label={t('knowledge.reviewOn')}
            required
            hint={t('knowledge.reviewOnHint')}
            error={errors.reviewOn?.message}
          >
            <input type="date" {...form.register('reviewOn')} />
          </Field>
        </div>
        <ServicesField
          control={form.control}
          name="serviceIds"
          label={t('knowledge.services')}
          initial={article?.services ?? []}
          error={errors.serviceIds?.message}
        />
        <Field
          label={t('knowledge.note')}
          hint={t('knowledge.noteHint')}
          error={errors.note?.message}
        >
          <input {...form.register('note')} />
        </Field>
        <FormActions
          busy={busy}
          onCancel={cancel}
          submitLabel={article ? t('common.save') : t('knowledge.create')}
        />
      </form>
      <Dialog
        title={t('knowledge.leaveTitle')}
        open={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
      >
        <p>{t('knowledge.leaveText')}</p>
        <div className="form-actions">
          <button type="button" className="button-primary" onClick={() => blocker.reset?.()}>
            {t('knowledge.stay')}
          </button>
          <button type="button" className="button-secondary" onClick={() => blocker.proceed?.()}>
            {t('knowledge.leave')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
