import { describe, expect, it } from 'vitest';
import {
  feedbackReference,
  feedbackSearchText,
  feedbackVisibility,
  mayEscalate,
  mayResolve,
  nextLevel,
  rateLimitDecision,
  type FeedbackSubject,
  type FeedbackViewer,
} from './feedback';

const viewer = (overrides: Partial<FeedbackViewer> = {}): FeedbackViewer => ({
  staffId: 'me',
  evaluate: false,
  manageUnit: false,
  ethics: false,
  unitIds: new Set(['unit-a']),
  ...overrides,
});

const item = (overrides: Partial<FeedbackSubject> = {}): FeedbackSubject => ({
  unitId: 'unit-a',
  staffId: null,
  evaluatorId: null,
  registeredBy: null,
  escalations: [],
  ...overrides,
});

describe('feedback rules', () => {
  it('climbs manager, head, Ethics commission, and no further', () => {
    expect(nextLevel(null)).toBe('manager');
    expect(nextLevel('manager')).toBe('head');
    expect(nextLevel('head')).toBe('ethics');
    expect(nextLevel('ethics')).toBeNull();
  });

  it('writes the reference with the year and five digits', () => {
    expect(feedbackReference(2026, 42)).toBe('ATS-2026-00042');
  });

  it('shows an evaluator everything, and the person complained about no notes, actions or decisions', () => {
    expect(feedbackVisibility(viewer({ evaluate: true }), item())).toEqual({
      view: 'full',
      hideNotes: false,
      hideActions: false,
      hideDecisions: false,
    });
    expect(feedbackVisibility(viewer({ evaluate: true }), item({ staffId: 'me' }))).toEqual({
      view: 'full',
      hideNotes: true,
      hideActions: true,
      hideDecisions: true,
    });
  });

  it('shows a unit head their units’ items and the manager levels of them', () => {
    const head = viewer({ manageUnit: true });
    expect(feedbackVisibility(head, item()).view).toBe('full');
    expect(feedbackVisibility(head, item({ unitId: 'unit-b' })).view).toBe('none');
    expect(
      feedbackVisibility(
        head,
        item({ unitId: 'unit-b', escalations: [{ level: 'manager', unitId: 'unit-a' }] }),
      ).view,
    ).toBe('full');
  });

  it('shows an Ethics member only what reached the commission, without notes', () => {
    const member = viewer({ ethics: true, unitIds: new Set() });
    expect(feedbackVisibility(member, item()).view).toBe('none');
    expect(
      feedbackVisibility(member, item({ escalations: [{ level: 'ethics', unitId: null }] })),
    ).toEqual({ view: 'full', hideNotes: true, hideActions: false, hideDecisions: false });
  });

  it('shows the registrar an outline, everyone else nothing', () => {
    expect(feedbackVisibility(viewer(), item({ registeredBy: 'me' }))).toEqual({ view: 'outline' });
    expect(feedbackVisibility(viewer(), item()).view).toBe('none');
  });

  it('lets the evaluator escalate from any level below Ethics, a holder from theirs', () => {
    const manager = { level: 'manager' as const, unitId: 'unit-a' };
    expect(mayEscalate(viewer({ evaluate: true }), item(), null)).toBe(true);
    expect(mayEscalate(viewer({ manageUnit: true }), item(), null)).toBe(false);
    expect(mayEscalate(viewer({ manageUnit: true }), item(), manager)).toBe(true);
    expect(mayEscalate(viewer({ evaluate: true }), item(), { level: 'ethics', unitId: null })).toBe(
      false,
    );
    expect(mayResolve(viewer({ ethics: true }), item(), { level: 'ethics', unitId: null })).toBe(
      true,
    );
    expect(mayResolve(viewer({ ethics: true }), item(), manager)).toBe(false);
  });

  it('refuses once a window is full, until its oldest leaves it', () => {
    const now = new Date('2026-03-10T10:00:00Z');
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    const limits = [{ windowSeconds: 600, max: 2 }];
    expect(rateLimitDecision([minutesAgo(9)], now, limits)).toEqual({ allowed: true });
    expect(rateLimitDecision([minutesAgo(9), minutesAgo(1)], now, limits)).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
    });
    expect(rateLimitDecision([minutesAgo(11), minutesAgo(1)], now, limits)).toEqual({
      allowed: true,
    });
  });
});

describe('feedbackSearchText', () => {
  const searchable = {
    reference: 'ATS-2026-00042',
    text: 'Rindā gaidīju divas stundas, darbiniece bija nepieklājīga.',
    name: 'Jānis Bērziņš',
    email: 'Janis.Berzins@Example.lv',
    phone: '+371 20000000',
    topic: 'Gaidīšana',
  };

  it('folds the name, text and topic as a clerk types them, without diacritics', () => {
    const text = feedbackSearchText(searchable);
    for (const word of ['berzins', 'janis', 'rinda', 'nepieklajiga', 'gaidisana']) {
      expect(text).toContain(word);
    }
    expect(text).not.toMatch(/[A-ZāēīūčšžņļķģĀŠ]/u);
  });

  it('keeps the reference findable whole and by its number, and the contact as written', () => {
    const text = feedbackSearchText(searchable);
    expect(text).toContain('ats202600042');
    expect(text).toContain('00042');
    expect(text).toContain('janis.berzins@example.lv');
    expect(text).toContain('20000000');
  });

  it('leaves out what the item lacks', () => {
    expect(
      feedbackSearchText({
        reference: 'ATS-2026-00001',
        text: 'Paldies!',
        name: null,
        email: null,
        phone: null,
        topic: null,
      }),
    ).toBe('ats 2026 00001 paldies ats202600001');
  });
});
