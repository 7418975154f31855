import { useTranslation } from 'react-i18next';
import type { TQuestionnaire } from '../../../contracts/surveys.contracts';
import { labelsOf, textIn, type Question, type Texts } from '../../../domain/questionnaire';

type Language = 'lv' | 'en';

/** Both languages of a text, the English only when it was given. */
function BothTexts(props: { texts: Texts }) {
  return (
    <>
      {props.texts.lv}
      {props.texts.en && (
        <>
          {' '}
          <span className="muted" lang="en">
            / {props.texts.en}
          </span>
        </>
      )}
    </>
  );
}

/** A version of a questionnaire to read: what each question asks and how, nothing to change. */
export function QuestionnaireView(props: { questionnaire: TQuestionnaire }) {
  const { t } = useTranslation();
  const { questionnaire } = props;
  if (questionnaire.sections.length === 0)
    return <p className="muted">{t('questionnaireEditor.noSections')}</p>;
  return (
    <div className="questionnaire-view">
      {questionnaire.sections.map((section, s) => (
        <section key={s} className="panel panel-wide">
          <h2>
            {t('questionnaireEditor.sectionName', { number: s + 1 })}:{' '}
            <BothTexts texts={section.title} />
          </h2>
          {section.intro && (
            <p>
              <BothTexts texts={section.intro} />
            </p>
          )}
          {section.questions.length === 0 ? (
            <p className="muted">{t('questionnaireEditor.noQuestions')}</p>
          ) : (
            <ol className="edit-rows">
              {section.questions.map((question, q) => (
                <li key={q} className="edit-row">
                  <QuestionFacts question={question} number={`${s + 1}.${q + 1}`} />
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}

function QuestionFacts(props: { question: Question; number: string }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'lv';
  const { question } = props;
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  // A rating of importance alone has no other scale than the importance one.
  const dimension =
    question.type === 'rating' && !question.dimensions.includes('satisfaction')
      ? 'importance'
      : 'satisfaction';
  return (
    <>
      <h3>
        {t('questionnaireEditor.questionName', { number: props.number })} —{' '}
        {t(`questionnaireEditor.types.${question.type}`)}
      </h3>
      <p>
        <BothTexts texts={question.text} />
      </p>
      <dl className="facts">
        {question.type === 'rating' ? (
          <>
            <dt>{t('questionnaireEditor.factor')}</dt>
            <dd>
              <code>{question.factor}</code>
            </dd>
            <dt>{t('questionnaireEditor.dimensions')}</dt>
            <dd>
              {question.dimensions
                .map((dimension) => t(`questionnaireEditor.${dimension}`))
                .join(', ')}
            </dd>
            <dt>{t('questionnaireEditor.scale')}</dt>
            <dd>
              {t(
                `questionnaireEditor.scales.${dimension === 'importance' ? 'importance' : question.scale}`,
              )}
              :{' '}
              {labelsOf(question, dimension)
                .map((label) => textIn(label, language))
                .join(' · ')}
            </dd>
            <dt>{t('questionnaireEditor.dkShort')}</dt>
            <dd>{yesNo(question.dk)}</dd>
            <dt>{t('questionnaireEditor.comment')}</dt>
            <dd>{yesNo(question.comment)}</dd>
            {question.group && (
              <>
                <dt>{t('questionnaireEditor.group')}</dt>
                <dd>{question.group}</dd>
              </>
            )}
          </>
        ) : (
          <>
            <dt>{t('questionnaireEditor.key')}</dt>
            <dd>
              <code>{question.key}</code>
            </dd>
          </>
        )}
        {(question.type === 'single' || question.type === 'multiple') && (
          <>
            <dt>{t('questionnaireEditor.options')}</dt>
            <dd>
              <ul className="link-list">
                {question.options.map((option) => (
                  <li key={option.value}>
                    <code>{option.value}</code> — <BothTexts texts={option.label} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {question.help && (
          <>
            <dt>{t('questionnaireEditor.help')}</dt>
            <dd>
              <BothTexts texts={question.help} />
            </dd>
          </>
        )}
        {question.showIf && (
          <>
            <dt>{t('questionnaireEditor.condition')}</dt>
            <dd>
              <code>{question.showIf.column}</code> {t('questionnaireEditor.conditionValues')}{' '}
              {question.showIf.anyOf.map((value) => `„${value}”`).join(', ')}
            </dd>
          </>
        )}
      </dl>
    </>
  );
}
