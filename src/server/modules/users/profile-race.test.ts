import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/databases.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

describe.each(testDialects())('#me.update under concurrency on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('answers each of several simultaneous profile changes with its own result', async () => {
    const sales = await t.signIn('sales');
    for (let round = 0; round < 5; round += 1) {
      const titles = Array.from({ length: 8 }, (_item, index) => `Title ${round}-${index}`);
      const responses = await Promise.all(
        titles.map((title) => sales.request('/api/v1/me', { method: 'PATCH', body: { title } })),
      );
      expect(responses.map((response) => response.json().title)).toEqual(titles);
    }
  });

  it('never loses a cleared field to a simultaneous edit of another field', async () => {
    const sales = await t.signIn('sales');
    for (let round = 0; round < 10; round += 1) {
      await sales.request('/api/v1/me', { method: 'PATCH', body: { title: '' } });
      const [setTitle, rename] = await Promise.all([
        sales.request('/api/v1/me', { method: 'PATCH', body: { title: `Lead ${round}` } }),
        sales.request('/api/v1/me', { method: 'PATCH', body: { name: `Sam ${round}`, title: '' } }),
      ]);
      // Each answer is its own change applied: the rename cleared the title, whichever ran first.
      expect(setTitle.json().title).toBe(`Lead ${round}`);
      expect(rename.json()).toMatchObject({ name: `Sam ${round}`, title: null });
      const now = (await sales.request('/api/v1/me')).json().title;
      expect([null, `Lead ${round}`]).toContain(now);
    }
  });
});
