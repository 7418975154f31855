import type {
  TEscalationLevel,
  TFeedbackChannel,
  TFeedbackKind,
  TFeedbackState,
} from '../../../contracts/feedback.contracts';

// The contract's lists would bring zod into the web app; `satisfies` checks each name.
export const KINDS = [
  'praise',
  'complaint',
  'suggestion',
] as const satisfies readonly TFeedbackKind[];
export const STATES = [
  'new',
  'evaluated',
  'answered',
  'closed',
] as const satisfies readonly TFeedbackState[];
export const LEVELS = ['manager', 'head', 'ethics'] as const satisfies readonly TEscalationLevel[];
export const CHANNELS = [
  'in_person',
  'phone',
  'letter',
  'email',
  'e_address',
  'mobile_app',
  'web_form',
] as const satisfies readonly TFeedbackChannel[];
