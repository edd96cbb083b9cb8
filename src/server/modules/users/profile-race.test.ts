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
});
