/** The ways a client reaches the centre (the ministry counts contacts by these). */
export const CHANNELS = [
  'in_person',
  'phone',
  'voicemail',
  'email',
  'e_address',
  'web_form',
  'letter',
  'mobile_app',
  'social_network',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** External clients (residents, organisations) and internal ones (the municipality's staff). */
export const CLIENT_KINDS = ['external', 'internal'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];
