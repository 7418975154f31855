/** The roles a person can hold; a person may hold several. */
export const ROLES = [
  'specialist',
  'unit_head',
  'client_service_head',
  'administrator',
  'ethics_commission_member',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a role allows. Reading the organisation (institutions, units, the staff directory) is
 * open to everyone signed in, so it is not listed here.
 */
export const PERMISSIONS = [
  /** Create and edit institutions and units. */
  'organisation.manage',
  /** Create and edit staff, their roles and units; deactivate a person. */
  'staff.manage',
  /** Issue and revoke API tokens. */
  'tokens.manage',
  /** Set up the mailboxes mail arrives in, with their server passwords. */
  'mailboxes.manage',
  /** Record and change one's own absences. */
  'absences.manage-own',
  /** Record and change absences of the staff of the units one heads. */
  'absences.manage-unit',
  /** Record and change anyone's absences. */
  'absences.manage-all',
  /** Browse the audit log. */
  'audit.read',
  /** Edit the working-day calendar's data and the deadline policies. */
  'calendar.manage',
  /** See the letters the mail server would not take, with its answer, and send them again. */
  'outbox.manage',
  /** Serve clients: register contacts, work on the requests one may see, keep client records. */
  'requests.work',
  /** See every request and client, not only those of one's units (the heads, the auditor). */
  'requests.read-all',
  /** Merge duplicate client records with their history. */
  'clients.merge',
  /** See and export who looked at a person's data (a data subject's request). */
  'clients.access-log',
  /** See the incidents recorded in one's units. */
  'incidents.read',
  /**
   * Write and change knowledge-base articles and service cards (an item's owner may also change
   * and mark reviewed their own).
   */
  'knowledge.edit',
  /** Publish news: unit heads to their units, the client service head to everyone. */
  'news.publish',
  /**
   * Run surveys: questionnaires, waves, sample plans, imports and exports, analysis, quality
   * control of interviews, and reports.
   */
  'surveys.manage',
  /** Conduct telephone interviews (CATI) from the interviewer console. */
  'surveys.interview',
  /** Keep the block list of senders whose mail goes to quarantine. */
  'mail.blocklist',
  /** Keep the signature template every written answer ends with (clause 21.2.5). */
  'signatures.manage',
  /** Write and retire the text modules clerks start their answers from. */
  'text-modules.manage',
  /** Issue and revoke telephone exchanges' tokens; set units' lines, rotation and extensions. */
  'telephony.manage',
  /** Report call events and ask whom to ring: held by an exchange's token alone, never a role. */
  'telephony.exchange',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  specialist: ['absences.manage-own', 'requests.work', 'surveys.interview'],
  unit_head: [
    'absences.manage-own',
    'absences.manage-unit',
    'requests.work',
    'incidents.read',
    'knowledge.edit',
    'news.publish',
    'surveys.interview',
    'text-modules.manage',
  ],
  client_service_head: [
    'absences.manage-own',
    'absences.manage-all',
    'requests.work',
    'requests.read-all',
    'clients.merge',
    'clients.access-log',
    'incidents.read',
    'knowledge.edit',
    'news.publish',
    'surveys.manage',
    'surveys.interview',
    'mail.blocklist',
    'text-modules.manage',
  ],
  administrator: [
    'organisation.manage',
    'staff.manage',
    'tokens.manage',
    'mailboxes.manage',
    'absences.manage-own',
    'absences.manage-all',
    'audit.read',
    'calendar.manage',
    'outbox.manage',
    'signatures.manage',
    'telephony.manage',
  ],
  ethics_commission_member: ['absences.manage-own'],
  // The auditor looks and never touches: not even an absence of their own.
  auditor: ['audit.read', 'requests.read-all', 'clients.access-log', 'incidents.read'],
};

/** The union of the permissions of the given roles. */
export function permissionsOf(roles: Iterable<Role>): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles)
    for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  return granted;
}
