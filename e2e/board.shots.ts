import { completeSetup, expect, test } from './fixtures.ts';
import {
  boardCard,
  boardColumn,
  dragCardTo,
  openBoard,
  type Status,
  seedLead,
  userIdOf,
} from './pages.ts';

/**
 * Screenshots of the board for review (`npm run shots`), written to $SHOTS_DIR or /tmp/shots:
 * light and dark at 1440 and 375 px, and a drag in progress. Not part of `npm test`.
 */
test('screenshots of the board', async ({ page, server }) => {
  test.setTimeout(120_000);
  const dir = process.env.SHOTS_DIR ?? '/tmp/shots';
  await completeSetup(page);
  await server.createUser({ name: 'Sam Sales', email: 'sam@example.com', role: 'sales' });
  await server.createUser({ name: 'Maria Manager', email: 'maria@example.com', role: 'manager' });
  const sam = await userIdOf(page, 'Sam Sales');
  const maria = await userIdOf(page, 'Maria Manager');
  const people: [string, string, string, number, string | null, Status][] = [
    ['Katherine', 'Johnson', 'NASA Langley', 48000, sam, 'new'],
    ['Dorothy', 'Vaughan', 'NASA Langley', 12500, null, 'new'],
    ['Hedy', 'Lamarr', 'Frequency Hopping Ltd', 7200, maria, 'new'],
    ['Radia', 'Perlman', 'Spanning Tree Networks', 31000, sam, 'new'],
    ['Margaret', 'Hamilton', 'Apollo Guidance Systems International', 125000, maria, 'new'],
    ['Grace', 'Hopper', 'US Navy', 22000, sam, 'contacted'],
    ['Alan', 'Turing', 'Bletchley Park', 56000, null, 'contacted'],
    ['Frances', 'Allen', 'IBM Research', 18750.5, maria, 'contacted'],
    ['Ken', 'Thompson', 'Bell Labs', 9400, sam, 'contacted'],
    ['Barbara', 'Liskov', 'MIT', 64000, maria, 'qualified'],
    ['Edsger', 'Dijkstra', 'TU Eindhoven', 27000, sam, 'qualified'],
    ['Donald', 'Knuth', 'Stanford', 0, null, 'qualified'],
    ['Leslie', 'Lamport', 'Microsoft Research', 88000, maria, 'qualified'],
    ['Tim', 'Berners-Lee', 'CERN', 150000, sam, 'qualified'],
    ['John', 'McCarthy', 'Stanford AI Lab', 41000, maria, 'qualified'],
    ['Ada', 'Lovelace', 'Analytical Engines', 36000, sam, 'qualified'],
    ['Linus', 'Torvalds', 'Kernel Org', 15000, maria, 'lost'],
    ['Dennis', 'Ritchie', 'Bell Labs', 21000, null, 'lost'],
    ['Niklaus', 'Wirth', 'ETH Zürich', 9900, sam, 'lost'],
    ['Bjarne', 'Stroustrup', 'AT&T', 33000, maria, 'contacted'],
  ];
  const seeded = [];
  for (const [firstName, lastName, company, value, ownerId, status] of people) {
    seeded.push(
      await seedLead(page, {
        firstName,
        lastName,
        company,
        value,
        ownerId,
        status: status === 'converted' ? 'qualified' : status,
      }),
    );
  }
  // Two conversions, for a Converted column with locked cards.
  for (const lead of seeded.filter((l) => ['John', 'Ada'].includes(l.firstName))) {
    const response = await page.request.post(`/api/v1/leads/${lead.id}/convert`, { data: {} });
    expect(response.ok(), await response.text()).toBe(true);
  }

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1440, 375]) {
      await page.setViewportSize({ width, height: width === 1440 ? 900 : 812 });
      await openBoard(page);
      await expect(page.getByTestId('pipeline-card')).toHaveCount(20);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${dir}/board-${scheme}-${width}.png` });
    }
  }

  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page);
  await dragCardTo(page, boardCard(page, 'Grace Hopper'), boardColumn(page, 'qualified'), {
    release: false,
  });
  await expect(boardColumn(page, 'qualified')).toHaveAttribute('data-over', 'true');
  await page.screenshot({ path: `${dir}/board-drag-1440.png` });
  await page.keyboard.press('Escape');
  await page.mouse.up();
});
