import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TTextModule } from '../../../contracts/text-modules.contracts';
import { api } from '../../api/client';
import { useTextModules } from '../../api/letters';
import { useSession } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { useListDialog } from '../../ui/list-dialog';
import { useListParams } from '../../ui/list-params';
import { ErrorNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { TextModuleForm } from './TextModuleForm';
import { LetterLanguageOptions } from './LetterLanguageOptions';

const DEFAULTS = { q: '', language: '', retired: 'false' };
const PAGE_SIZE = 25;

/** The text modules clerks start letters from; the heads write and retire them. */
export function TextModulesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { can } = useSession();
  const editor = can('text-modules.manage');
  const { values, page, update } = useListParams(DEFAULTS);
  const dialog = useListDialog<{ module: TTextModule | null }>();
  const list = useTextModules({
    q: values.q,
    language: values.language === 'lv' || values.language === 'en' ? values.language : undefined,
    active: values.retired !== 'true',
    page,
    pageSize: PAGE_SIZE,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ['text-modules'] });
  const setActive = useMutation({
    mutationFn: ({ module, active }: { module: TTextModule; active: boolean }) =>
      api.patch(`/text-modules/${module.id}`, { active, version: module.version }),
    onSuccess: reload,
  });

  const columns: Array<Column<TTextModule>> = [
    {
      key: 'title',
      header: t('textModules.titleField'),
      render: (module) => (
        <>
          <strong>{module.title}</strong>
          <div className="muted">{t(`letters.languages.${module.language}`)}</div>
        </>
      ),
    },
    {
      key: 'body',
      header: t('textModules.body'),
      render: (module) => <div className="text-module-body">{module.body}</div>,
    },
  ];
  if (editor)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      className: 'cell-actions',
      render: (module) => (
        <>
          <button
            type="button"
            className="button-link"
            aria-label={`${t('common.edit')}: ${module.title}`}
            onClick={() => dialog.open({ module })}
          >
            {t('common.edit')}
          </button>{' '}
          <button
            type="button"
            className={module.active ? 'button-link button-danger' : 'button-link'}
            aria-label={`${t(module.active ? 'textModules.retire' : 'textModules.restore')}: ${module.title}`}
            onClick={() => setActive.mutate({ module, active: !module.active })}
          >
            {t(module.active ? 'textModules.retire' : 'textModules.restore')}
          </button>
        </>
      ),
    });

  const editing = dialog.subject;
  return (
    <>
      <PageHeader
        title={t('textModules.title')}
        intro={t('textModules.intro')}
        actions={
          editor && (
            <button
              type="button"
              className="button-primary"
              onClick={() => dialog.open({ module: null })}
            >
              {t('textModules.add')}
            </button>
          )
        }
      />
      {setActive.isError && <ErrorNotice error={setActive.error} />}
      <div className="filters">
        <div className="field">
          <label htmlFor="text-modules-q">{t('common.search')}</label>
          <input
            id="text-modules-q"
            type="search"
            value={values.q}
            onChange={(event) => update({ q: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="text-modules-language">{t('letters.language')}</label>
          <select
            id="text-modules-language"
            value={values.language}
            onChange={(event) => update({ language: event.target.value })}
          >
            <option value="">{t('common.all')}</option>
            <LetterLanguageOptions />
          </select>
        </div>
        <div className="field field-check">
          <input
            id="text-modules-retired"
            type="checkbox"
            checked={values.retired === 'true'}
            onChange={(event) => update({ retired: String(event.target.checked) })}
          />
          <label htmlFor="text-modules-retired">{t('textModules.showRetired')}</label>
        </div>
      </div>
      <PagedList
        query={list}
        emptyTitle={t('textModules.empty')}
        caption={t('textModules.title')}
        columns={columns}
        rowKey={(module) => module.id}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
      <Dialog
        title={editing?.module ? t('textModules.editTitle') : t('textModules.newTitle')}
        open={editing !== null}
        onClose={dialog.close}
      >
        {editing && (
          <TextModuleForm
            module={editing.module}
            onSaved={() => {
              void reload();
              dialog.close();
            }}
            onCancel={dialog.close}
          />
        )}
      </Dialog>
    </>
  );
}
