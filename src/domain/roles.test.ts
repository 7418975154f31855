import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, permissionsOf, type Permission } from './roles';

/** What only reads: everything else changes something. */
const READ_PERMISSIONS: Permission[] = [
  'audit.read',
  'requests.read-all',
  'clients.access-log',
  'incidents.read',
  'control.read',
];
const WRITE_PERMISSIONS: Permission[] = PERMISSIONS.filter(
  (permission) => !READ_PERMISSIONS.includes(permission),
);

describe('permissionsOf', () => {
  it('gives nothing for no roles', () => {
    expect(permissionsOf([]).size).toBe(0);
  });

  it('lets a specialist serve clients, interview for surveys, register feedback, send ideas and record only their own absences', () => {
    expect(permissionsOf(['specialist'])).toEqual(
      new Set([
        'absences.manage-own',
        'requests.work',
        'surveys.interview',
        'feedback.register',
        'ideas.submit',
      ]),
    );
  });

  it('gives a unit head their own and their units’ absences, incidents, knowledge, news, text modules and survey interviews, nothing organisational', () => {
    expect(permissionsOf(['unit_head'])).toEqual(
      new Set([
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
      ]),
    );
  });

  it('gives the client service head everyone’s absences and requests but not the audit log', () => {
    const granted = permissionsOf(['client_service_head']);
    expect(granted.has('surveys.manage')).toBe(true);
    expect(granted.has('absences.manage-all')).toBe(true);
    expect(granted.has('requests.read-all')).toBe(true);
    expect(granted.has('clients.merge')).toBe(true);
    expect(granted.has('mail.blocklist')).toBe(true);
    expect(granted.has('audit.read')).toBe(false);
    expect(granted.has('staff.manage')).toBe(false);
  });

  it('lets the administrator manage the organisation, staff, tokens, mailboxes, all absences, the calendar, the outbox, the signature and read the log', () => {
    expect(permissionsOf(['administrator'])).toEqual(
      new Set([
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
      ]),
    );
  });

  it('lets the auditor read the audit log, requests and incidents, and write nothing, not even their own absence', () => {
    const granted = permissionsOf(['auditor']);
    expect(granted).toEqual(new Set(READ_PERMISSIONS));
    for (const permission of WRITE_PERMISSIONS) expect(granted.has(permission)).toBe(false);
  });

  it('gives several roles the union of their permissions, each once', () => {
    const granted = permissionsOf(['auditor', 'unit_head', 'specialist']);
    expect([...granted].sort()).toEqual(
      [
        'absences.manage-own',
        'absences.manage-unit',
        'requests.work',
        'knowledge.edit',
        'news.publish',
        'surveys.interview',
        'text-modules.manage',
        'feedback.register',
        'feedback.manage-unit',
        'unit-reports.submit',
        'ideas.submit',
        ...READ_PERMISSIONS,
      ].sort(),
    );
  });

  it('lets an Ethics commission member see what reached the commission and nothing of the daily work', () => {
    expect(permissionsOf(['ethics_commission_member'])).toEqual(
      new Set(['absences.manage-own', 'feedback.ethics', 'ideas.submit']),
    );
  });

  it('lets the deputy executive director evaluate feedback, set improvement tasks and control the standard, not serve clients', () => {
    const granted = permissionsOf(['deputy_executive_director']);
    expect(granted.has('feedback.evaluate')).toBe(true);
    expect(granted.has('improvements.manage')).toBe(true);
    expect(granted.has('control.read')).toBe(true);
    expect(granted.has('requests.work')).toBe(false);
    expect(granted.has('feedback.ethics')).toBe(false);
  });

  it('accepts any iterable of roles', () => {
    expect(permissionsOf(new Set(['auditor'] as const)).has('audit.read')).toBe(true);
  });

  it('knows every role', () => {
    for (const role of ROLES) expect(() => permissionsOf([role])).not.toThrow();
  });
});
