/** The roles a person can hold; a person may hold several. */
export const ROLES = [
  'specialist',
  'unit_head',
  'client_service_head',
  'administrator',
  'ethics_commission_member',
  'auditor',
  /** The deputy executive director, who with the client service head controls the standard (34). */
  'deputy_executive_director',
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
  /**
   * Register praise, complaints and suggestions received in person, by phone, letter or email,
   * and turn a request into one (25).
   */
  'feedback.register',
  /** Resolve or pass on the complaints that reach the head of one's units (32). */
  'feedback.manage-unit',
  /** Evaluate any feedback, answer the client, delegate, escalate (26, 32–33). */
  'feedback.evaluate',
  /** See and decide what reached the Ethics commission, and nothing else (33). */
  'feedback.ethics',
  /** Set units improvement tasks and follow the yearly unit reports (29–30). */
  'improvements.manage',
  /** Write and submit the yearly report of shortcomings of the units one heads (29). */
  'unit-reports.submit',
  /** Send an improvement idea to one's manager, the client service head or the deputy (31). */
  'ideas.submit',
  /** See the standard's control figures: all units, or those one heads (34). */
  'control.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  specialist: [
    'absences.manage-own',
    'requests.work',
    'surveys.interview',
    'feedback.register',
    'ideas.submit',
  ],
  unit_head: [
    'absences.manage-own',
    'absences.manage-unit',
    'requests.work',
    'incidents.read',
    'knowledge.edit',
    'news.publish',
    'surveys.interview',
    'text-modules.manage',
    'feedback.register',
    'feedback.manage-unit',
    'unit-reports.submit',
    'ideas.submit',
    'control.read',
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
    'feedback.register',
    'feedback.evaluate',
    'improvements.manage',
    'unit-reports.submit',
    'ideas.submit',
    'control.read',
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
    'ideas.submit',
  ],
  ethics_commission_member: ['absences.manage-own', 'feedback.ethics', 'ideas.submit'],
  // The auditor looks and never touches: not even an absence of their own.
  auditor: [
    'audit.read',
    'requests.read-all',
    'clients.access-log',
    'incidents.read',
    'control.read',
  ],
  // With the client service head the deputy controls the standard (34) and receives what is
  // passed on to them (31–33); they do not serve clients.
  deputy_executive_director: [
    'absences.manage-own',
    'requests.read-all',
    'incidents.read',
    'feedback.evaluate',
    'improvements.manage',
    'ideas.submit',
    'control.read',
  ],
};

/** The union of the permissions of the given roles. */
export function permissionsOf(roles: Iterable<Role>): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles)
    for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  return granted;
}
