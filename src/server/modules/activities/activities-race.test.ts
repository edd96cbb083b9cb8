import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/databases.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

describe.each(testDialects())('#activities.log racing a delete on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('never leaves a note behind on a lead deleted at the same moment', async () => {
    const admin = await t.signIn('admin');
    for (let round = 0; round < 30; round += 1) {
      const lead = await admin.request('/api/v1/leads', {
        method: 'POST',
        body: { firstName: 'Ada', lastName: `Race ${round}`, email: `race${round}@example.com` },
      });
      const id = lead.json().id as string;
      const note = () =>
        admin.request(`/api/v1/leads/${id}/activities`, {
          method: 'POST',
          body: { kind: 'note', body: `note ${round}` },
        });
      const remove = () => admin.request(`/api/v1/leads/${id}`, { method: 'DELETE' });
      // Either may start first; each round flips which is sent first.
      const [noted, removed] =
        round % 2 === 0
          ? await Promise.all([note(), remove()])
          : (await Promise.all([remove(), note()])).reverse();
      expect(removed?.statusCode).toBe(204);
      // The note lands before the delete (which removes it) or finds no lead.
      expect([201, 404]).toContain(noted?.statusCode);
    }
    const left = await t.ctx.db.selectFrom('activities').select(['id', 'subjectId']).execute();
    expect(left).toEqual([]);
  });
});
