import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useContext, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { TSurveyDetail } from '../../../contracts/surveys.contracts';
import type { Column, Questionnaire } from '../../../domain/questionnaire';
import { rigaDateOf } from '../../../domain/riga-time';
import { ProblemError } from '../../api/client';
import {
  saveQuestionnaire,
  useQuestionnaireVersion,
  useReloadSurveys,
  useSurvey,
} from '../../api/surveys';
import { FormActions, FormError } from '../../ui/FormParts';
import { formatDate } from '../../ui/format';
import { ErrorNotice, Loading, problemText, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { isVersionConflict } from '../../ui/problem-form';
import {
  EditorContext,
  focusIn,
  ItemActions,
  TextsFields,
  type EditorContextValue,
} from './EditorParts';
import { GROUPS_LIST_ID, QuestionEditor } from './QuestionEditor';
import { QuestionnaireView } from './QuestionnaireView';
import {
  draftOf,
  draftProblems,
  earlierColumns,
  moved,
  newQuestion,
  newSection,
  placeId,
  placeOfPath,
  QUESTION_TYPES,
  questionnaireOf,
  withQuestion,
  withQuestionMoved,
  withSection,
  type Draft,
  type DraftProblem,
  type DraftSection,
  type Place,
  type QuestionType,
} from './questionnaire-draft';

/** At most as many sections and questions per section as the contract keeps. */
const MAX_SECTIONS = 50;
const MAX_QUESTIONS = 300;

const ADD_SECTION_ID = 'questionnaire-editor-add-section';
const SUMMARY_ID = 'questionnaire-editor-summary';
const STATUS_ID = 'questionnaire-editor-status';

/** A message with the input it belongs to, when it names one. */
interface Problem {
  place: Place | null;
  message: string;
}

/** The group names the ratings use, offered when typing another rating's group. */
const groupsOf = (questionnaire: Questionnaire) => [
  ...new Set(
    questionnaire.sections.flatMap((section) =>
      section.questions.flatMap((question) =>
        question.type === 'rating' && question.group ? [question.group] : [],
      ),
    ),
  ),
];

/** What the draft is compared with to know whether there is anything to lose. */
const fingerprint = (questionnaire: Questionnaire) => JSON.stringify(questionnaire);

/**
 * /surveys/:id/questionnaire — the survey's questionnaire: sections and questions added, changed,
 * reordered and moved, then saved as a whole. Older versions can be read, not changed.
 */
export function QuestionnaireEditorPage() {
  const { id = '' } = useParams();
  const survey = useSurvey(id);
  if (survey.isPending) return <Loading />;
  if (survey.isError)
    return <ErrorNotice error={survey.error} onRetry={() => void survey.refetch()} />;
  return (
    <QuestionnaireEditor
      key={id}
      survey={survey.data}
      reload={async () => (await survey.refetch()).data}
    />
  );
}

function QuestionnaireEditor(props: {
  survey: TSurveyDetail;
  /** Reads the survey again; its newest questionnaire replaces the draft (after a conflict). */
  reload: () => Promise<TSurveyDetail | undefined>;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reloadSurveys = useReloadSurveys();
  const { survey } = props;
  const versionPickerId = useId();

  // The draft and the version it was read from, which saving names so that a version saved by
  // someone else meanwhile is a conflict and not overwritten.
  const [draft, setDraft] = useState<Draft>(() => draftOf(survey.questionnaire.definition));
  const [opened, setOpened] = useState(() => ({
    basedOn: survey.questionnaire.number,
    revision: survey.version,
    fingerprint: fingerprint(questionnaireOf(draft)),
  }));
  const current = useMemo(() => questionnaireOf(draft), [draft]);
  const dirty = fingerprint(current) !== opened.fingerprint;

  // Null while the draft is shown; an older version's number while that one is read.
  const [viewing, setViewing] = useState<number | null>(null);
  const [checked, setChecked] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  // Focus goes where an action asks once the list it changed has been drawn again.
  const pendingFocus = useRef<string | null>(null);
  const focusLater = (id: string) => {
    pendingFocus.current = id;
  };
  useEffect(() => {
    if (pendingFocus.current === null) return;
    focusIn(pendingFocus.current);
    pendingFocus.current = null;
  });

  // Closing the tab or reloading with unsaved changes asks first: a questionnaire is long work.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const problemMessage = (problem: DraftProblem) =>
    problem.code === 'rule'
      ? (problem.detail ?? '')
      : t(`questionnaireEditor.problems.${problem.code}`, { code: problem.detail ?? '' });
  // Once a save was refused, the editor's own checks follow every change, so a message goes
  // away as soon as its input is right; the server's stay until the next try.
  const problems: Problem[] = [
    ...(checked
      ? draftProblems(draft).map((problem) => ({
          place: problem.place,
          message: problemMessage(problem),
        }))
      : []),
    ...serverProblems,
  ];
  const messages: Record<string, string> = {};
  for (const problem of problems) {
    // An input shows its first message; the summary lists them all.
    if (problem.place && !(problem.place.id in messages))
      messages[problem.place.id] = problem.message;
  }
  const context: EditorContextValue = { messages, focusLater };

  const language = i18n.language === 'en' ? 'en' : 'lv';
  const title = (language === 'en' && survey.titleEn) || survey.title;
  const basedOnVersion = survey.versions.find((version) => version.number === opened.basedOn);
  const frozen = basedOnVersion?.frozen ?? survey.questionnaire.frozen;
  const newerSaved = survey.questionnaire.number > opened.basedOn;

  const save = useMutation({
    mutationFn: (sent: Draft) =>
      saveQuestionnaire(survey.id, {
        questionnaire: questionnaireOf(sent),
        basedOn: opened.basedOn,
        version: opened.revision,
      }),
    onSuccess: async (result, sent) => {
      // The draft stays as it is (no inputs redrawn); what was sent is now the saved state.
      // Set before the survey's new number arrives, which must not read as someone else's.
      setOpened({
        basedOn: result.questionnaire.number,
        revision: result.version,
        fingerprint: fingerprint(questionnaireOf(sent)),
      });
      queryClient.setQueryData(['surveys', 'detail', survey.id], result);
      setChecked(false);
      setStatus(
        result.questionnaire.number > opened.basedOn
          ? t('questionnaireEditor.savedNew', { number: result.questionnaire.number })
          : t('questionnaireEditor.saved', { number: result.questionnaire.number }),
      );
      await reloadSurveys();
    },
    onError: (error, sent) => {
      if (isVersionConflict(error)) {
        setConflict(problemText(error, t('errors.network')));
        return;
      }
      const fieldErrors = error instanceof ProblemError ? (error.problem.errors ?? []) : [];
      if (fieldErrors.length === 0) {
        setFormError(problemText(error, t('errors.network')));
        return;
      }
      setServerProblems(
        fieldErrors.map((fieldError) => ({
          place: fieldError.field.startsWith('questionnaire.')
            ? placeOfPath(sent, fieldError.field.slice('questionnaire.'.length))
            : null,
          message: fieldError.message,
        })),
      );
      focusLater(SUMMARY_ID);
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setServerProblems([]);
    setFormError(null);
    setConflict(null);
    setStatus(null);
    if (draftProblems(draft).length > 0) {
      setChecked(true);
      focusLater(SUMMARY_ID);
      return;
    }
    save.mutate(draft);
  };

  const reloadNewest = async () => {
    const fresh = await props.reload();
    if (!fresh) return;
    const next = draftOf(fresh.questionnaire.definition);
    setDraft(next);
    setOpened({
      basedOn: fresh.questionnaire.number,
      revision: fresh.version,
      fingerprint: fingerprint(questionnaireOf(next)),
    });
    setViewing(null);
    setChecked(false);
    setServerProblems([]);
    setConflict(null);
    setStatus(t('questionnaireEditor.reloaded', { number: fresh.questionnaire.number }));
    focusLater(STATUS_ID);
  };

  return (
    <EditorContext value={context}>
      <PageHeader
        title={t('questionnaireEditor.title', { survey: title })}
        intro={t('questionnaireEditor.version', {
          number: opened.basedOn,
          state: frozen ? t('questionnaireEditor.hasAnswers') : t('questionnaireEditor.noAnswers'),
        })}
      />
      <div className="field questionnaire-version">
        <label htmlFor={versionPickerId}>{t('questionnaireEditor.versionPicker')}</label>
        <select
          id={versionPickerId}
          aria-describedby={`${versionPickerId}-hint`}
          value={viewing ?? opened.basedOn}
          onChange={(event) => {
            const number = Number(event.target.value);
            setViewing(number === opened.basedOn ? null : number);
          }}
        >
          {[...survey.versions]
            .sort((a, b) => b.number - a.number)
            .map((version) => (
              <option key={version.number} value={version.number}>
                {t('questionnaireEditor.versionOption', {
                  number: version.number,
                  date: formatDate(rigaDateOf(new Date(version.createdAt))),
                  state: version.frozen
                    ? t('questionnaireEditor.hasAnswers')
                    : t('questionnaireEditor.noAnswers'),
                })}
                {version.number === opened.basedOn && ` — ${t('questionnaireEditor.editing')}`}
              </option>
            ))}
        </select>
        <div id={`${versionPickerId}-hint`} className="field-hint">
          {t('questionnaireEditor.versionPickerHint')}
        </div>
      </div>
      {viewing !== null ? (
        <OlderVersion surveyId={survey.id} number={viewing} />
      ) : (
        <form onSubmit={onSubmit} noValidate className="questionnaire-editor">
          <ProblemSummary problems={problems} />
          <FormError message={formError} />
          <SectionsEditor draft={draft} setDraft={setDraft} />
          <datalist id={GROUPS_LIST_ID}>
            {groupsOf(current).map((group) => (
              <option key={group} value={group} />
            ))}
          </datalist>
          {conflict || newerSaved ? (
            // Saving on top of a newer version is refused: the way on is to load it.
            <div className="notice notice-warning" role="alert">
              <p>
                {conflict ??
                  t('questionnaireEditor.newerSaved', { number: survey.questionnaire.number })}
              </p>
              <p>{t('questionnaireEditor.conflictHint')}</p>
              <button
                type="button"
                className="button-secondary"
                onClick={() => void reloadNewest()}
              >
                {t('questionnaireEditor.reload')}
              </button>
            </div>
          ) : (
            <div className={frozen ? 'notice notice-warning' : 'notice notice-info'}>
              {frozen
                ? t('questionnaireEditor.frozenNotice', { next: opened.basedOn + 1 })
                : t('questionnaireEditor.draftNotice', { number: opened.basedOn })}
            </div>
          )}
          {status && (
            <div id={STATUS_ID} tabIndex={-1}>
              <SuccessNotice>{status}</SuccessNotice>
            </div>
          )}
          {dirty && <p className="muted">{t('questionnaireEditor.unsaved')}</p>}
          <FormActions
            busy={save.isPending}
            onCancel={() => void navigate(`/surveys/${survey.id}`)}
          />
        </form>
      )}
    </EditorContext>
  );
}

/** An older version, to read: answers were given to it, so it is never changed. */
function OlderVersion(props: { surveyId: string; number: number }) {
  const { t } = useTranslation();
  const version = useQuestionnaireVersion(props.surveyId, props.number);
  return (
    <>
      <div className="notice notice-info">
        {t('questionnaireEditor.readOnly', { number: props.number })}
      </div>
      {version.isPending ? (
        <Loading />
      ) : version.isError ? (
        <ErrorNotice error={version.error} onRetry={() => void version.refetch()} />
      ) : (
        <QuestionnaireView questionnaire={version.data.definition} />
      )}
    </>
  );
}

/** Every message at the top, each a link to its input; focused when a save is refused. */
function ProblemSummary(props: { problems: Problem[] }) {
  const { t } = useTranslation();
  if (props.problems.length === 0) return null;
  const where = (place: Place) => {
    const item =
      place.question === undefined
        ? t('questionnaireEditor.sectionName', { number: place.section + 1 })
        : t('questionnaireEditor.questionName', {
            number: `${place.section + 1}.${place.question + 1}`,
          });
    const option =
      place.option === undefined
        ? ''
        : `, ${t('questionnaireEditor.option', { number: place.option + 1 })}`;
    return `${item}${option} · ${t(`questionnaireEditor.fields.${place.field}`)}`;
  };
  return (
    <div
      id={SUMMARY_ID}
      className="notice notice-error"
      tabIndex={-1}
      aria-labelledby={`${SUMMARY_ID}-title`}
    >
      <h2 id={`${SUMMARY_ID}-title`}>{t('questionnaireEditor.summaryTitle')}</h2>
      <ul>
        {props.problems.map((problem, index) => (
          <li key={index}>
            {problem.place ? (
              <a
                href={`#${problem.place.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  if (problem.place) focusIn(problem.place.id);
                }}
              >
                {where(problem.place)}: {problem.message}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The sections in order, each with its questions, and the way to add one more. */
function SectionsEditor(props: {
  draft: Draft;
  setDraft: (change: (draft: Draft) => Draft) => void;
}) {
  const { t } = useTranslation();
  const { draft, setDraft } = props;
  const { focusLater } = useContext(EditorContext);
  const earlier = useMemo(() => earlierColumns(draft), [draft]);
  const names = draft.sections.map((section, s) => ({
    id: section.id,
    name: sectionLabel(t('questionnaireEditor.sectionName', { number: s + 1 }), section),
  }));
  return (
    <>
      {draft.sections.length === 0 && (
        <p className="muted">{t('questionnaireEditor.noSections')}</p>
      )}
      <ol className="edit-rows">
        {draft.sections.map((section, s) => (
          <li key={section.id}>
            <SectionEditor
              section={section}
              index={s}
              count={draft.sections.length}
              otherSections={names.filter((other) => other.id !== section.id)}
              earlier={(questionId) => earlier.get(questionId) ?? []}
              setDraft={setDraft}
            />
          </li>
        ))}
      </ol>
      <button
        id={ADD_SECTION_ID}
        type="button"
        className="button-secondary"
        disabled={draft.sections.length >= MAX_SECTIONS}
        onClick={() => {
          const section = newSection();
          setDraft((old) => ({ sections: [...old.sections, section] }));
          focusLater(placeId(section.id, 'title-lv'));
        }}
      >
        {t('questionnaireEditor.addSection')}
      </button>
    </>
  );
}

/** "2. sadaļa: Apmācības", or just the number while the section has no title. */
const sectionLabel = (numbered: string, section: DraftSection) =>
  section.title.lv.trim() === '' ? numbered : `${numbered}: ${section.title.lv.trim()}`;

function SectionEditor(props: {
  section: DraftSection;
  index: number;
  count: number;
  otherSections: Array<{ id: string; name: string }>;
  earlier: (questionId: string) => Column[];
  setDraft: (change: (draft: Draft) => Draft) => void;
}) {
  const { t } = useTranslation();
  const { focusLater } = useContext(EditorContext);
  const { section, index, setDraft } = props;
  const headingId = placeId(section.id, 'heading');
  const addQuestionId = placeId(section.id, 'add-question');
  const numbered = t('questionnaireEditor.sectionName', { number: index + 1 });
  const change = (update: (old: DraftSection) => DraftSection) =>
    setDraft((draft) => withSection(draft, section.id, update));
  const addQuestion = (type: QuestionType) => {
    const question = newQuestion(type);
    change((old) => ({ ...old, questions: [...old.questions, question] }));
    focusLater(placeId(question.id, type === 'rating' ? 'factor' : 'key'));
  };
  return (
    <section className="panel panel-wide" aria-labelledby={headingId}>
      <h2 id={headingId}>{sectionLabel(numbered, section)}</h2>
      <TextsFields
        owner={section.id}
        what="title"
        label={t('questionnaireEditor.sectionTitle')}
        value={section.title}
        onChange={(title) => change((old) => ({ ...old, title }))}
        required
      />
      <TextsFields
        owner={section.id}
        what="intro"
        label={t('questionnaireEditor.sectionIntro')}
        value={section.intro}
        onChange={(intro) => change((old) => ({ ...old, intro }))}
        multiline
      />
      <ItemActions
        owner={section.id}
        name={numbered}
        index={index}
        count={props.count}
        onMove={(to) => setDraft((draft) => ({ sections: moved(draft.sections, index, to) }))}
        onRemove={() =>
          setDraft((draft) => ({
            sections: draft.sections.filter((other) => other.id !== section.id),
          }))
        }
        confirm={
          section.questions.length > 0
            ? t('questionnaireEditor.confirmRemoveSection', {
                section: numbered,
                questions: section.questions.length,
              })
            : undefined
        }
        addButton={ADD_SECTION_ID}
      />
      <h3>{t('questionnaireEditor.questions')}</h3>
      {section.questions.length === 0 && (
        <p className="muted">{t('questionnaireEditor.noQuestions')}</p>
      )}
      <ol className="edit-rows">
        {section.questions.map((question, q) => (
          <li key={question.id}>
            <QuestionEditor
              question={question}
              number={`${index + 1}.${q + 1}`}
              index={q}
              count={section.questions.length}
              otherSections={props.otherSections}
              earlier={props.earlier(question.id)}
              addButton={addQuestionId}
              onChange={(next) => setDraft((draft) => withQuestion(draft, next))}
              onMove={(to) => change((old) => ({ ...old, questions: moved(old.questions, q, to) }))}
              onMoveTo={(sectionId) =>
                setDraft((draft) => withQuestionMoved(draft, question.id, sectionId))
              }
              onRemove={() =>
                change((old) => ({
                  ...old,
                  questions: old.questions.filter((other) => other.id !== question.id),
                }))
              }
            />
          </li>
        ))}
      </ol>
      <div
        id={addQuestionId}
        role="group"
        aria-label={t('questionnaireEditor.addQuestionTo', { section: numbered })}
        className="edit-row-actions"
      >
        <span aria-hidden="true">{t('questionnaireEditor.addQuestion')}</span>
        {QUESTION_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            className="button-secondary"
            disabled={section.questions.length >= MAX_QUESTIONS}
            aria-label={t('questionnaireEditor.addTypeTo', {
              type: t(`questionnaireEditor.types.${type}`),
              section: numbered,
            })}
            onClick={() => addQuestion(type)}
          >
            {t(`questionnaireEditor.types.${type}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
