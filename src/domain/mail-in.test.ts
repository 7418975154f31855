import { describe, expect, it } from 'vitest';
import {
  authenticationReasons,
  blockEntriesFor,
  hasRemoteImages,
  messageIdsIn,
  nameFromSender,
  normaliseBlockEntry,
  rateReasons,
  requestNumberIn,
  requestTitleOf,
  spamVerdictOf,
  SPAM_THRESHOLD,
  threadIdsOf,
} from './mail-in';

describe('threading', () => {
  it('finds the request number Apkalpo writes into its subjects', () => {
    expect(requestNumberIn('Re: Jūsu vēstule saņemta [2026-001234]')).toBe('2026-001234');
    expect(requestNumberIn('Par 2026-001234')).toBeNull();
    expect(requestNumberIn('[2026-12345]')).toBeNull();
  });

  it('reads Message-IDs with or without brackets, and threads by the nearest first', () => {
    expect(messageIdsIn('<a@x> <b@y>\r\n <c@z>')).toEqual(['a@x', 'b@y', 'c@z']);
    expect(messageIdsIn('bare@x')).toEqual(['bare@x']);
    expect(messageIdsIn(undefined)).toEqual([]);
    expect(threadIdsOf(['c@z'], ['a@x', 'b@y', 'c@z'])).toEqual(['c@z', 'b@y', 'a@x']);
  });
});

describe('spam checks', () => {
  it('holds a forged sender: DMARC failing, or SPF and DKIM both failing', () => {
    expect(authenticationReasons(['mx; spf=pass; dkim=pass; dmarc=fail'])).toEqual([
      { check: 'authentication', detail: 'dmarc=fail', score: SPAM_THRESHOLD },
    ]);
    expect(authenticationReasons(['mx; spf=fail; dkim=none'])).toHaveLength(1);
    expect(authenticationReasons(['mx; spf=fail; dkim=pass'])).toEqual([]);
    expect(authenticationReasons([])).toEqual([]);
    // The nearest server's verdict (the first header) wins over a later one.
    expect(authenticationReasons(['mx; dmarc=pass', 'far; dmarc=fail'])).toEqual([]);
  });

  it('limits a sender per hour', () => {
    expect(rateReasons(4, 5)).toEqual([]);
    expect(rateReasons(5, 5)).toHaveLength(1);
    expect(rateReasons(100, 0)).toEqual([]);
  });

  it('asks the block list for the address, its domain and the domains above it', () => {
    expect(blockEntriesFor('Pardod@Mail.Spam.lv')).toEqual([
      'pardod@mail.spam.lv',
      '@mail.spam.lv',
      '@spam.lv',
    ]);
    expect(normaliseBlockEntry(' @Spam.LV ')).toBe('@spam.lv');
    expect(normaliseBlockEntry('kaut kas')).toBeNull();
  });

  it('adds the points up to a verdict', () => {
    expect(spamVerdictOf([])).toEqual({ spam: false, score: 0 });
    expect(spamVerdictOf([{ check: 'rate_limit', detail: '', score: SPAM_THRESHOLD }]).spam).toBe(
      true,
    );
  });
});

describe('a letter as a request', () => {
  it('names a new client from the sender', () => {
    expect(nameFromSender('Anna Marija Ozola', 'a@b.lv')).toEqual({
      givenName: 'Anna Marija',
      surname: 'Ozola',
    });
    expect(nameFromSender(null, 'janis.berzins@b.lv')).toEqual({
      givenName: '',
      surname: 'janis.berzins',
    });
    expect(nameFromSender('"anna@b.lv"', 'anna@b.lv').surname).toBe('anna');
  });

  it('titles it by the subject, or a stand-in', () => {
    expect(requestTitleOf('  Par   nodokli ', '-')).toBe('Par nodokli');
    expect(requestTitleOf('', 'Bez temata')).toBe('Bez temata');
  });

  it('sees images that would load from elsewhere', () => {
    expect(hasRemoteImages('<img src="https://t.example/p.gif">')).toBe(true);
    expect(hasRemoteImages('<img src="data:image/png;base64,AAA">')).toBe(false);
    expect(hasRemoteImages(null)).toBe(false);
  });
});
