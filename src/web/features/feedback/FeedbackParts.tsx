import { useTranslation } from 'react-i18next';
import type {
  TEscalationLevel,
  TFeedbackKind,
  TFeedbackState,
} from '../../../contracts/feedback.contracts';
import { rigaDateOf } from '../../../domain/riga-time';
import { formatDate } from '../../ui/format';

/** The state as a badge; new items stand out as work not yet begun. */
export function FeedbackStateBadge(props: { state: TFeedbackState }) {
  const { t } = useTranslation();
  const tone =
    props.state === 'new' ? 'badge-state-new' : props.state === 'closed' ? '' : 'badge-ok';
  return <span className={`badge ${tone}`.trim()}>{t(`feedback.states.${props.state}`)}</span>;
}

export function KindBadge(props: { kind: TFeedbackKind }) {
  const { t } = useTranslation();
  const tone =
    props.kind === 'complaint' ? 'badge-warning' : props.kind === 'praise' ? 'badge-ok' : '';
  return <span className={`badge ${tone}`.trim()}>{t(`feedback.kinds.${props.kind}`)}</span>;
}

/** The level's name; a list's narrow column takes the short one. */
export function LevelName(props: { level: TEscalationLevel | null; short?: boolean }) {
  const { t } = useTranslation();
  if (!props.level) return <span className="muted">{t('feedback.notEscalated')}</span>;
  return (
    <>{t(props.short ? `feedback.levelsShort.${props.level}` : `feedback.levels.${props.level}`)}</>
  );
}

/** An answer still owed after its day is overdue: shown in red with the word, not by colour alone. */
export function isAnswerOverdue(
  item: { answerDueOn: string | null; state: TFeedbackState },
  today: string,
): boolean {
  return (
    item.answerDueOn !== null &&
    item.answerDueOn < today &&
    ['new', 'evaluated'].includes(item.state)
  );
}

export function AnswerDue(props: { item: { answerDueOn: string | null; state: TFeedbackState } }) {
  const { t } = useTranslation();
  const { item } = props;
  if (!item.answerDueOn) return <span className="muted">{t('feedback.noAnswerDue')}</span>;
  const overdue = isAnswerOverdue(item, rigaDateOf(new Date()));
  return (
    <span className={overdue ? 'urgent' : undefined}>
      {formatDate(item.answerDueOn)}
      {overdue && <> ({t('feedback.overdue')})</>}
    </span>
  );
}
