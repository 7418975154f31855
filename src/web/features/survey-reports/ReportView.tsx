import { useTranslation } from 'react-i18next';
import { formatDecimal } from '../../../charts/layout';
import { surveyFigures } from '../../../charts/survey-figures';
import type { TReportView } from '../../../contracts/survey-reports.contracts';
import { currentLanguage } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../ui/format';
import { SvgChart } from '../../ui/SvgChart';
import { FigureContents, FigureGroupView } from '../surveys/FigureGroupView';

/**
 * A report as staff read it on the intranet: method, results per factor group with the same
 * charts as the PDF, the chosen comments, and the analyst's conclusions and recommendations.
 */
export function ReportView(props: { report: TReportView }) {
  const { t } = useTranslation();
  const language = currentLanguage() === 'en' ? 'en' : 'lv';
  const { report } = props;
  const { method } = report;
  const figures = surveyFigures({
    analysis: report.analysis,
    questionnaire: report.survey.questionnaire,
    wave: report.wave.name,
    language,
    quadrantLabels: report.survey.quadrantLabels,
    idPrefix: `report-${report.id}`,
    quotes: report.quotes,
  });
  const percent = (share: number | null) =>
    share === null ? '—' : `${formatDecimal(share * 100, language, 1)} %`;
  return (
    <article className="survey-report">
      {report.figuresAsPublished && report.publishedAt && (
        <p className="muted">
          {t('surveyReports.figuresAsPublished', { date: formatDateTime(report.publishedAt) })}
        </p>
      )}
      <FigureContents
        entries={[
          { id: 'report-method', title: t('surveyReports.method') },
          ...figures.groups.map((group, index) => ({
            id: `report-group-${index}`,
            title: group.title,
          })),
          ...(figures.map ? [{ id: 'report-map-section', title: t('surveys.map') }] : []),
          ...(figures.otherQuotes.length > 0
            ? [{ id: 'report-other-quotes', title: t('surveyReports.otherComments') }]
            : []),
          ...(report.conclusionsHtml
            ? [{ id: 'report-conclusions', title: t('surveyReports.conclusions') }]
            : []),
          ...(report.recommendationsHtml
            ? [{ id: 'report-recommendations', title: t('surveyReports.recommendations') }]
            : []),
        ]}
      />
      <section id="report-method" aria-labelledby="method-heading">
        <h2 id="method-heading">{t('surveyReports.method')}</h2>
        <dl className="facts">
          <dt>{t('surveyReports.plannedSample')}</dt>
          <dd>{method.plannedSample}</dd>
          <dt>{t('surveyReports.reachedSample')}</dt>
          <dd>{method.reachedSample}</dd>
          {method.fieldworkStart && (
            <>
              <dt>{t('surveyReports.fieldwork')}</dt>
              <dd>
                {formatDate(method.fieldworkStart)}
                {method.fieldworkEnd && ` – ${formatDate(method.fieldworkEnd)}`}
              </dd>
            </>
          )}
          {method.responseRate !== null && (
            <>
              <dt>{t('surveyReports.responseRate')}</dt>
              <dd>{percent(method.responseRate)}</dd>
            </>
          )}
        </dl>
        {method.strata.length > 0 && (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t('surveyReports.strata')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveyReports.stratum')}</th>
                  <th scope="col" className="cell-number">
                    {t('surveyReports.planned')}
                  </th>
                  <th scope="col" className="cell-number">
                    {t('surveyReports.sample')}
                  </th>
                  <th scope="col" className="cell-number">
                    {t('surveyReports.completes')}
                  </th>
                  <th scope="col" className="cell-number">
                    {t('surveyReports.refusals')}
                  </th>
                  <th scope="col" className="cell-number">
                    {t('surveyReports.responseRate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {method.strata.map((row) => (
                  <tr key={row.stratum}>
                    <th scope="row">{row.stratum || '—'}</th>
                    <td className="cell-number">{row.planned ?? '—'}</td>
                    <td className="cell-number">{row.sample}</td>
                    <td className="cell-number">{row.completes}</td>
                    <td className="cell-number">{row.refusals}</td>
                    <td className="cell-number">{percent(row.responseRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {method.refusalReasons.length > 0 && (
          <>
            <h3>{t('surveyReports.refusalReasons')}</h3>
            <ul>
              {method.refusalReasons.map((reason) => (
                <li key={reason.reason}>
                  {t(`cati.reasons.${reason.reason}`, { defaultValue: reason.reason })}:{' '}
                  {reason.count}
                </li>
              ))}
            </ul>
          </>
        )}
        {report.methodHtml && (
          <div className="article-body" dangerouslySetInnerHTML={{ __html: report.methodHtml }} />
        )}
      </section>
      {figures.groups.map((group, index) => (
        <FigureGroupView
          key={group.title}
          anchor={`report-group-${index}`}
          group={group}
          wave={report.wave.name}
          language={language}
        />
      ))}
      {figures.map && (
        <section id="report-map-section" aria-labelledby="report-map" className="survey-figure">
          <h2 id="report-map">{t('surveys.map')}</h2>
          <SvgChart chart={figures.map} className="survey-chart" />
        </section>
      )}
      {figures.otherQuotes.length > 0 && (
        <section id="report-other-quotes" aria-labelledby="other-quotes">
          <h2 id="other-quotes">{t('surveyReports.otherComments')}</h2>
          <ul className="survey-quotes">
            {figures.otherQuotes.map((quote, index) => (
              <li key={index}>
                <blockquote>„{quote}”</blockquote>
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.conclusionsHtml && (
        <section id="report-conclusions" aria-labelledby="conclusions">
          <h2 id="conclusions">{t('surveyReports.conclusions')}</h2>
          <div
            className="article-body"
            dangerouslySetInnerHTML={{ __html: report.conclusionsHtml }}
          />
        </section>
      )}
      {report.recommendationsHtml && (
        <section id="report-recommendations" aria-labelledby="recommendations">
          <h2 id="recommendations">{t('surveyReports.recommendations')}</h2>
          <div
            className="article-body"
            dangerouslySetInnerHTML={{ __html: report.recommendationsHtml }}
          />
        </section>
      )}
    </article>
  );
}
