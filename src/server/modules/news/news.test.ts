import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TNewsItem, TNewsPage, TNewsReaders } from '../../../contracts/news.contracts';
import type { TUnit } from '../../../contracts/units.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createPerson,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  signIn,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const unique = () => randomBytes(4).toString('hex');
const ctx = systemContext('news-test');

describe('news', () => {
  let test: TestApp;
  let csHead: Session;
  beforeAll(async () => {
    test = await createTestApp();
    csHead = await signedIn(test, { roles: ['client_service_head'] });
  });
  afterAll(() => test.close());

  /** A department with a sub-unit, a unit below that, and a sibling of the sub-unit. */
  interface Tree {
    root: TUnit;
    child: TUnit;
    grandchild: TUnit;
    sibling: TUnit;
  }
  async function tree(): Promise<Tree> {
    const root = await createUnit(test.services);
    const under = (parentId: string) =>
      test.services.units.create(ctx, {
        institutionId: root.institutionId,
        parentId,
        name: `Nodaļa ${unique()}`,
        kind: 'department',
      });
    const child = await under(root.id);
    return { root, child, grandchild: await under(child.id), sibling: await under(root.id) };
  }

  async function publish(
    as: Session,
    body: { unitId?: string | null; title?: string; bodyHtml?: string; important?: boolean },
  ): Promise<TNewsItem> {
    // Items published at the same instant have no order; each is a minute newer than the last.
    test.clock.advance(60_000);
    const response = await call(test.app, as, {
      method: 'POST',
      url: '/api/v1/news',
      payload: { title: `Ziņa ${unique()}`, bodyHtml: '<p>Sveiki!</p>', ...body },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function feed(as: Session, query = ''): Promise<TNewsPage> {
    const response = await call(test.app, as, {
      method: 'GET',
      url: `/api/v1/news?pageSize=100${query}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  /** The ids of the given items the feed shows, in its order. */
  const shown = (page: TNewsPage, items: readonly TNewsItem[]) => {
    const ids = new Set(items.map((item) => item.id));
    return page.items.map((item) => item.id).filter((id) => ids.has(id));
  };

  describe('GET /api/v1/news', () => {
    it('shows each person the news for everyone, their units and the units above, newest first', async () => {
      const { root, child, grandchild, sibling } = await tree();
      const inGrandchild = await signedIn(test, { unitIds: [grandchild.id] });
      const inSibling = await signedIn(test, { unitIds: [sibling.id] });
      const elsewhere = await createUnit(test.services);
      const forAll = await publish(csHead, { unitId: null });
      const forRoot = await publish(csHead, { unitId: root.id });
      const forChild = await publish(csHead, { unitId: child.id });
      const forGrandchild = await publish(csHead, { unitId: grandchild.id });
      const forSibling = await publish(csHead, { unitId: sibling.id });
      const forElsewhere = await publish(csHead, { unitId: elsewhere.id });
      const all = [forAll, forRoot, forChild, forGrandchild, forSibling, forElsewhere];

      expect(shown(await feed(inGrandchild), all)).toEqual(
        [forGrandchild, forChild, forRoot, forAll].map((item) => item.id),
      );
      expect(shown(await feed(inSibling), all)).toEqual(
        [forSibling, forRoot, forAll].map((item) => item.id),
      );
      const item = (await feed(inGrandchild)).items.find((entry) => entry.id === forChild.id);
      expect(item).toMatchObject({
        unit: { id: child.id, name: child.name },
        author: { id: csHead.person.id, email: csHead.person.email },
        readAt: null,
        canManage: false,
      });
    });

    it('lets a system token read every item', async () => {
      const elsewhere = await createUnit(test.services);
      const item = await publish(csHead, { unitId: elsewhere.id });
      const { token } = await test.services.tokens.create(ctx, {
        name: `Tālrunis ${unique()}`,
        roles: ['specialist'],
      });

      const response = await test.app.inject({
        method: 'GET',
        url: '/api/v1/news?pageSize=100',
        headers: { authorization: `Bearer ${token}` },
      });

      expect(response.statusCode).toBe(200);
      expect(shown(response.json(), [item])).toEqual([item.id]);
    });

    it('counts and filters what the person has not read, and marks it read once', async () => {
      const unit = await createUnit(test.services);
      const reader = await signedIn(test, { unitIds: [unit.id] });
      await call(test.app, reader, { method: 'POST', url: '/api/v1/news/read-all' });
      const first = await publish(csHead, { unitId: unit.id });
      const second = await publish(csHead, { unitId: null });
      expect(await feed(reader, '&unread=true')).toMatchObject({
        total: 2,
        unread: 2,
        items: [{ id: second.id }, { id: first.id }],
      });

      const read = await call(test.app, reader, {
        method: 'POST',
        url: `/api/v1/news/${first.id}/read`,
      });
      const readAt = test.clock.now().toISOString();
      test.clock.advance(60_000);
      const again = await call(test.app, reader, {
        method: 'POST',
        url: `/api/v1/news/${first.id}/read`,
      });

      expect([read.statusCode, again.statusCode]).toEqual([204, 204]);
      const page = await feed(reader);
      expect(page.unread).toBe(1);
      expect(page.items.find((item) => item.id === first.id)?.readAt).toBe(readAt);
      expect((await feed(reader, '&unread=true')).items.map((item) => item.id)).toEqual([
        second.id,
      ]);
    });

    it('marks everything the person may see read at once, and nothing else', async () => {
      const { child, sibling } = await tree();
      const reader = await signedIn(test, { unitIds: [child.id] });
      const other = await signedIn(test, { unitIds: [sibling.id] });
      const mine = await publish(csHead, { unitId: child.id });
      const theirs = await publish(csHead, { unitId: sibling.id });

      const response = await call(test.app, reader, {
        method: 'POST',
        url: '/api/v1/news/read-all',
      });

      expect(response.statusCode).toBe(204);
      expect(await feed(reader)).toMatchObject({ unread: 0 });
      expect((await feed(reader)).items.find((item) => item.id === mine.id)?.readAt).not.toBe(null);
      expect((await feed(other)).items.find((item) => item.id === theirs.id)?.readAt).toBe(null);
      const readers = await call(test.app, csHead, {
        method: 'GET',
        url: `/api/v1/news/${theirs.id}/readers`,
      });
      expect(readers.json<TNewsReaders>().read).toBe(0);
    });

    it('will not mark read an item the person is not meant to see', async () => {
      const { child, sibling } = await tree();
      const reader = await signedIn(test, { unitIds: [child.id] });
      const item = await publish(csHead, { unitId: sibling.id });

      const response = await call(test.app, reader, {
        method: 'POST',
        url: `/api/v1/news/${item.id}/read`,
      });

      expect(response.statusCode).toBe(404);
    });
  });

  describe('POST /api/v1/news', () => {
    it('lets a unit head publish to their unit and below, and nowhere else', async () => {
      const { root, child, grandchild, sibling } = await tree();
      const head = await signedIn(test, { roles: ['unit_head'], unitIds: [child.id] });
      const post = (unitId: string | null | undefined) =>
        call(test.app, head, {
          method: 'POST',
          url: '/api/v1/news',
          payload: { title: 'Sapulce', bodyHtml: '<p>Rīt</p>', unitId },
        });

      expect((await post(child.id)).statusCode).toBe(201);
      expect((await post(grandchild.id)).statusCode).toBe(201);
      expect((await post(root.id)).statusCode).toBe(403);
      expect((await post(sibling.id)).statusCode).toBe(403);
      const forAll = await post(null);
      expect(forAll.statusCode).toBe(400);
      expect(fieldErrorsOf(forAll)).toEqual([{ field: 'unitId', code: 'required' }]);
    });

    it('lets the client service head publish to everyone', async () => {
      const item = await publish(csHead, { unitId: null, important: true });
      expect(item).toMatchObject({
        unit: null,
        important: true,
        author: { id: csHead.person.id },
        publishedAt: test.clock.now().toISOString(),
        canManage: true,
        version: 1,
      });
      const somebody = await signedIn(test);
      expect(shown(await feed(somebody), [item])).toEqual([item.id]);
    });

    it('keeps only safe HTML and wants something to read', async () => {
      const item = await publish(csHead, {
        bodyHtml:
          '<p onclick="steal()">Sveiki, <strong>kolēģi</strong>!<script>alert(1)</script></p>' +
          '<img src="https://tracker.example/p.gif">',
      });
      expect(item.bodyHtml).toBe('<p>Sveiki, <strong>kolēģi</strong>!</p>');

      const empty = await call(test.app, csHead, {
        method: 'POST',
        url: '/api/v1/news',
        payload: { title: 'Tukša', bodyHtml: '<script>alert(1)</script><p> </p>' },
      });
      expect(empty.statusCode).toBe(400);
      expect(fieldErrorsOf(empty)).toEqual([{ field: 'bodyHtml', code: 'required' }]);
    });

    it('refuses a unit that does not exist, and a specialist', async () => {
      const unknown = await call(test.app, csHead, {
        method: 'POST',
        url: '/api/v1/news',
        payload: {
          title: 'Ziņa',
          bodyHtml: '<p>Teksts</p>',
          unitId: '00000000-0000-4000-8000-000000000000',
        },
      });
      expect(fieldErrorsOf(unknown)).toEqual([{ field: 'unitId', code: 'unknown_reference' }]);

      const unit = await createUnit(test.services);
      const specialist = await signedIn(test, { unitIds: [unit.id] });
      const refused = await call(test.app, specialist, {
        method: 'POST',
        url: '/api/v1/news',
        payload: { title: 'Ziņa', bodyHtml: '<p>Teksts</p>', unitId: unit.id },
      });
      expect(refused.statusCode).toBe(403);
    });
  });

  describe('PATCH /api/v1/news/:id', () => {
    it('lets the author and the heads over the unit change an item, and no one else', async () => {
      const { root, child, grandchild } = await tree();
      const head = await signedIn(test, { roles: ['unit_head'], unitIds: [child.id] });
      const member = await signedIn(test, { unitIds: [grandchild.id] });
      const below = await publish(csHead, { unitId: grandchild.id });
      const above = await publish(csHead, { unitId: root.id });
      const patch = (as: Session, item: TNewsItem, title: string) =>
        call(test.app, as, {
          method: 'PATCH',
          url: `/api/v1/news/${item.id}`,
          payload: { title, version: item.version },
        });

      expect(shown(await feed(member), [below])).toEqual([below.id]);
      expect((await feed(member)).items.find((item) => item.id === below.id)?.canManage).toBe(
        false,
      );
      const changed = await patch(head, below, 'Labots');
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ title: 'Labots', canManage: true, version: 2 });
      expect((await patch(head, above, 'Labots')).statusCode).toBe(403);
      expect((await patch(member, below, 'Labots')).statusCode).toBe(403);
      const own = await publish(head, { unitId: child.id });
      expect((await patch(head, own, 'Mans')).statusCode).toBe(200);
    });

    it('sanitises a new body and refuses a stale version with 409', async () => {
      const item = await publish(csHead, {});
      const patch = (bodyHtml: string) =>
        call(test.app, csHead, {
          method: 'PATCH',
          url: `/api/v1/news/${item.id}`,
          payload: { bodyHtml, important: true, version: 1 },
        });

      const first = await patch('<p>Jauns <a href="javascript:alert(1)">teksts</a></p>');
      const stale = await patch('<p>Vēl jaunāks</p>');

      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({
        bodyHtml: '<p>Jauns <a>teksts</a></p>',
        important: true,
        version: 2,
      });
      expect(stale.statusCode).toBe(409);
    });
  });

  describe('GET /api/v1/news/:id/readers', () => {
    it('counts the active staff of the unit and below, and lists who has not read it', async () => {
      const { root, child, grandchild } = await tree();
      const head = await signedIn(test, { roles: ['unit_head'], unitIds: [child.id] });
      const zile = await createPerson(test.services, {
        surname: `Zīle ${unique()}`,
        unitIds: [grandchild.id],
      });
      const apine = await createPerson(test.services, {
        surname: `Apīne ${unique()}`,
        unitIds: [child.id],
      });
      const reader = await createPerson(test.services, { unitIds: [grandchild.id] });
      const gone = await createPerson(test.services, { unitIds: [child.id] });
      await test.services.staff.update(ctx, gone.id, { active: false, version: gone.version });
      await createPerson(test.services, { unitIds: [root.id] });
      const item = await publish(head, { unitId: child.id, important: true });
      const readerSession = await signIn(test.app, reader);
      await call(test.app, readerSession, { method: 'POST', url: `/api/v1/news/${item.id}/read` });

      const response = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/news/${item.id}/readers`,
      });

      expect(response.statusCode).toBe(200);
      const readers = response.json<TNewsReaders>();
      // The head wrote it and the reader read it; the one who left and the unit above do not count.
      expect(readers).toMatchObject({ audience: 4, read: 2 });
      expect(readers.notRead.map((person) => person.id)).toEqual([apine.id, zile.id]);
    });

    it('counts everyone active for an item for everyone', async () => {
      const item = await publish(csHead, { unitId: null });
      const response = await call(test.app, csHead, {
        method: 'GET',
        url: `/api/v1/news/${item.id}/readers`,
      });
      const readers = response.json<TNewsReaders>();
      const people = await test.services.staff.list(ctx, {
        active: true,
        page: 1,
        pageSize: 1,
        sort: 'surname',
        order: 'asc',
      });
      expect(readers).toMatchObject({ audience: people.total, read: 1 });
      expect(readers.notRead).toHaveLength(Math.min(people.total - 1, 500));
    });

    it('shows a unit head who in their units has not read an important item, whoever wrote it', async () => {
      const { root, child, grandchild, sibling } = await tree();
      const head = await signedIn(test, { roles: ['unit_head'], unitIds: [child.id] });
      const below = await createPerson(test.services, { unitIds: [grandchild.id] });
      const beside = await createPerson(test.services, { unitIds: [sibling.id] });
      const forEveryone = await publish(csHead, { unitId: null, important: true });
      const forRoot = await publish(csHead, { unitId: root.id, important: true });
      const plain = await publish(csHead, { unitId: root.id, important: false });

      const page = await feed(head);
      const shownItem = (id: string) => page.items.find((item) => item.id === id);
      expect(shownItem(forEveryone.id)).toMatchObject({ canManage: false, canSeeReaders: true });
      expect(shownItem(plain.id)).toMatchObject({ canSeeReaders: false });
      for (const item of [forEveryone, forRoot]) {
        const response = await call(test.app, head, {
          method: 'GET',
          url: `/api/v1/news/${item.id}/readers`,
        });
        expect(response.statusCode, response.body).toBe(200);
        const readers = response.json<TNewsReaders>();
        // The head and the one below them: their units' people only, not the sibling unit's.
        expect(readers.audience).toBe(2);
        const notRead = readers.notRead.map((person) => person.id);
        expect(notRead).toContain(below.id);
        expect(notRead).not.toContain(beside.id);
      }
      const refused = await call(test.app, head, {
        method: 'GET',
        url: `/api/v1/news/${plain.id}/readers`,
      });
      expect(refused.statusCode).toBe(403);
    });

    it('marks who of those who have not read it is away today, and until when', async () => {
      const unit = await createUnit(test.services);
      const away = await createPerson(test.services, { unitIds: [unit.id] });
      const present = await createPerson(test.services, { unitIds: [unit.id] });
      await test.services.absences.create(ctx, {
        staffId: away.id,
        kind: 'vacation',
        startsOn: '2020-01-01',
        endsOn: '2099-12-31',
      });
      const item = await publish(csHead, { unitId: unit.id, important: true });

      const response = await call(test.app, csHead, {
        method: 'GET',
        url: `/api/v1/news/${item.id}/readers`,
      });

      const notRead = response.json<TNewsReaders>().notRead;
      expect(notRead.find((person) => person.id === away.id)?.awayUntil).toBe('2099-12-31');
      expect(notRead.find((person) => person.id === present.id)?.awayUntil).toBeNull();
    });

    it('is only for those who manage the item', async () => {
      const unit = await createUnit(test.services);
      const member = await signedIn(test, { unitIds: [unit.id] });
      const item = await publish(csHead, { unitId: unit.id });

      const response = await call(test.app, member, {
        method: 'GET',
        url: `/api/v1/news/${item.id}/readers`,
      });

      expect(response.statusCode).toBe(403);
    });
  });

  describe('a unit head’s own items', () => {
    it('shows a head the items for the units below them, which they may manage', async () => {
      const { root, grandchild } = await tree();
      const head = await signedIn(test, { roles: ['unit_head'], unitIds: [root.id] });
      const below = await publish(head, { unitId: grandchild.id });
      const otherHead = await signedIn(test, { roles: ['unit_head'], unitIds: [root.id] });
      const page = await feed(otherHead);
      expect(shown(page, [below])).toEqual([below.id]);
      expect(page.items.find((item) => item.id === below.id)?.canManage).toBe(true);
      expect(shown(await feed(head), [below])).toEqual([below.id]);
    });
  });
});
