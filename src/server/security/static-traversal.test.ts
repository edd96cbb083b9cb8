import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../test/databases.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

const SHELL = '<!doctype html><title>Leadline shell</title>';
const SECRET = 'secret-outside-the-web-root';

describe.each(testDialects())('the web app files on %s', (dialect) => {
  let t: TestApp;
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'leadline-static-'));
    const webRoot = path.join(dir, 'web');
    mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
    writeFileSync(path.join(webRoot, 'index.html'), SHELL);
    writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'secret.txt'), SECRET);
    t = await createTestApp(dialect, {}, { webRoot });
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    '/..%2fsecret.txt',
    '/..%2f..%2fetc/passwd',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/%00/secret.txt',
    '/api/docs/static/..%2f..%2f..%2fsecret.txt',
  ])('never serves a file outside the web root for GET %s', async (url) => {
    const response = await t.request(url);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toMatch(/root:x:0:0/);
    if (response.statusCode === 200) {
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toBe(SHELL);
    } else {
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('serves the built files and the shell with the security headers', async () => {
    const asset = await t.request('/assets/app.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const shell = await t.request('/leads/123');
    expect(shell.statusCode).toBe(200);
    expect(shell.body).toBe(SHELL);
    for (const response of [shell, await t.request('/api/v1/setup')]) {
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });
});
