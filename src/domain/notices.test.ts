import { describe, expect, it } from 'vitest';
import { extensionNotice, recipientFor } from './notices';

describe('extensionNotice', () => {
  const args = {
    number: '2026-000123',
    service: 'Būvatļaujas statuss',
    reason: 'Gaidām Būvniecības valsts kontroles biroja atbildi',
    dueOn: '2026-04-07',
  };

  it('tells the client in Latvian why it takes longer and by when, with the date as 07.04.2026', () => {
    const notice = extensionNotice({ ...args, language: 'lv' });
    expect(notice.subject).toBe('Par Jūsu pieprasījumu Nr. 2026-000123');
    expect(notice.body).toContain('„Būvatļaujas statuss”');
    expect(notice.body).toContain('Iemesls: Gaidām Būvniecības valsts kontroles biroja atbildi');
    expect(notice.body).toContain('Atbildi sniegsim līdz 07.04.2026.');
  });

  it('writes in English to a client who prefers it', () => {
    const notice = extensionNotice({ ...args, language: 'en' });
    expect(notice.subject).toBe('Your request No. 2026-000123');
    expect(notice.body).toContain('You will receive the answer by 07.04.2026.');
  });
});

describe('recipientFor', () => {
  const client = { email: 'a@example.lv', phone: '+371 20000000', eAddress: '_DEFAULT@12345' };

  it('answers through the channel the client used', () => {
    expect(recipientFor('email', client)).toBe('a@example.lv');
    expect(recipientFor('e_address', client)).toBe('_DEFAULT@12345');
    expect(recipientFor('phone', client)).toBe('+371 20000000');
    expect(recipientFor('in_person', { ...client, email: null })).toBe('_DEFAULT@12345');
  });

  it('has nobody to write to for an anonymous client', () => {
    expect(recipientFor('email', null)).toBeNull();
  });
});
