import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TSurveyDetail, TSurveySummary } from '../../../contracts/surveys.contracts';
import { createSurvey, useSurveyList } from '../../api/surveys';
import type { Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { formatCount, formatDateTime } from '../../ui/format';
import { useListDialog } from '../../ui/list-dialog';
import { useListParams } from '../../ui/list-params';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';

const PAGE_SIZE = 25;

/** The surveys and quality studies (standard 27–28), the most recently changed first. */
export function SurveysPage() {
  const { t } = useTranslation();
  const { page, update } = useListParams({});
  const list = useSurveyList({ page, pageSize: PAGE_SIZE });
  const dialog = useListDialog<'create'>();

  const columns: Array<Column<TSurveySummary>> = [
    {
      key: 'title',
      header: t('surveys.title'),
      render: (survey) => <Link to={`/surveys/${survey.id}`}>{survey.title}</Link>,
    },
    {
      key: 'kind',
      header: t('surveys.kind'),
      render: (survey) => t(`surveys.kinds.${survey.kind}`),
    },
    {
      key: 'waves',
      header: t('surveys.waves'),
      render: (survey) =>
        survey.waves.length === 0
          ? '—'
          : survey.waves.map((wave) => `${wave.name} (${formatCount(wave.responses)})`).join(', '),
    },
    {
      key: 'updated',
      header: t('surveys.updatedAt'),
      render: (survey) => formatDateTime(survey.updatedAt),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('surveys.pageTitle')}
        intro={t('surveys.intro')}
        actions={
          <button type="button" className="button-primary" onClick={() => dialog.open('create')}>
            {t('surveys.create')}
          </button>
        }
      />
      <PagedList
        query={list}
        emptyTitle={t('surveys.empty')}
        emptyHint={t('surveys.emptyHint')}
        caption={t('surveys.pageTitle')}
        columns={columns}
        rowKey={(survey) => survey.id}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
      <Dialog title={t('surveys.create')} open={dialog.subject === 'create'} onClose={dialog.close}>
        <CreateSurveyForm onCancel={dialog.close} />
      </Dialog>
    </>
  );
}

interface CreateValues {
  title: string;
  titleEn: string;
  kind: 'client' | 'staff' | 'other';
  description: string;
}

function CreateSurveyForm(props: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { form, errors, formError, busy, onSubmit } = useServerForm<CreateValues, TSurveyDetail>({
    defaultValues: { title: '', titleEn: '', kind: 'client', description: '' },
    fields: ['title', 'titleEn', 'kind', 'description'],
    send: (values) => createSurvey({ ...values, questionnaire: { sections: [] } }),
    onSaved: (survey) => navigate(`/surveys/${survey.id}`),
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('surveys.title')} error={errors.title?.message} required>
        <input type="text" {...form.register('title')} />
      </Field>
      <Field label={t('surveys.titleEn')} error={errors.titleEn?.message}>
        <input type="text" lang="en" {...form.register('titleEn')} />
      </Field>
      <Field label={t('surveys.kind')} error={errors.kind?.message} required>
        <select {...form.register('kind')}>
          {(['client', 'staff', 'other'] as const).map((kind) => (
            <option key={kind} value={kind}>
              {t(`surveys.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('surveys.description')} error={errors.description?.message}>
        <textarea rows={3} {...form.register('description')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} submitLabel={t('surveys.createSubmit')} />
    </form>
  );
}
