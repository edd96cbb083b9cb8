import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test as base, expect, type Page } from '@playwright/test';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

export const PASSWORD = 'correct horse battery';

export interface LeadlineServer {
  url: string;
  env: NodeJS.ProcessEnv;
  /** Creates a user through the CLI, as an operator would. */
  createUser(user: { name: string; email: string; role: string }): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealthy(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not become ready:\n${output()}`);
}

type Fixtures = {
  serverEnv: Record<string, string>;
  server: LeadlineServer;
  cspViolations: string[];
};

export const test = base.extend<Fixtures>({
  serverEnv: [{}, { option: true }],

  server: async ({ serverEnv }, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leadline-e2e-'));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: `file:${path.join(dir, 'leadline.db')}`,
      BETTER_AUTH_SECRET: 'e2e-secret-that-is-at-least-32-characters',
      LOG_LEVEL: 'warn',
      ...serverEnv,
    };
    let output = '';
    const child = spawn(process.execPath, ['dist/server/main.js'], { cwd: root, env });
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHealthy(url, child, () => output);
    await use({
      url,
      env,
      createUser: async ({ name, email, role }) => {
        await run(
          process.execPath,
          [
            'dist/server/cli.js',
            'create-user',
            '--name',
            name,
            '--email',
            email,
            '--role',
            role,
            '--password',
            PASSWORD,
          ],
          { cwd: root, env },
        );
      },
    });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  },

  baseURL: async ({ server }, use) => {
    await use(server.url);
  },

  /** Every test also asserts the app never trips its own Content-Security-Policy. */
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
      });
      page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
      await use(violations);
      expect(violations, 'CSP violations or page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function completeSetup(
  page: Page,
  admin = { name: 'Ada Admin', email: 'ada@example.com' },
) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
}

export async function signIn(page: Page, email: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

export async function createCustomer(
  page: Page,
  customer: { firstName: string; lastName: string; email: string; company?: string },
) {
  await page.goto('/customers/new');
  await page.getByLabel('First name').fill(customer.firstName);
  await page.getByLabel('Last name').fill(customer.lastName);
  await page.getByLabel('Email').fill(customer.email);
  if (customer.company) await page.getByLabel('Company').fill(customer.company);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(
    page.getByRole('heading', { name: `${customer.firstName} ${customer.lastName}` }),
  ).toBeVisible();
}
