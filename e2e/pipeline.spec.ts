import type { Page } from '@playwright/test';
import { completeSetup, expect, signIn, signOut, test } from './fixtures.ts';
import {
  boardCard,
  boardColumn,
  dragCardTo,
  openBoard,
  seedLead,
  setLeadStatus,
  userIdOf,
} from './pages.ts';

const count = (page: Page, status: Parameters<typeof boardColumn>[1]) =>
  boardColumn(page, status).getByTestId('column-count');

const patched = (page: Page) =>
  page.waitForResponse(
    (response) =>
      response.request().method() === 'PATCH' && response.url().includes('/api/v1/leads/'),
  );

test('a card dragged from Contacted to Qualified stays there after a reload', async ({ page }) => {
  await completeSetup(page);
  await seedLead(page, {
    firstName: 'Ada',
    lastName: 'Lovelace',
    company: 'Analytical Engines',
    value: 12500,
    status: 'contacted',
  });
  await seedLead(page, { firstName: 'Charles', lastName: 'Babbage', status: 'contacted' });
  await openBoard(page);

  const ada = boardCard(page, 'Ada Lovelace');
  await expect(boardColumn(page, 'contacted').getByTestId('pipeline-card')).toHaveCount(2);
  await expect(ada).toContainText('Analytical Engines');
  await expect(ada).toContainText('12,500');
  await expect(ada).toContainText('Contacted since today');
  await expect(ada.getByRole('img', { name: 'Owner: Ada Admin' })).toBeVisible();
  await expect(boardColumn(page, 'contacted').getByTestId('column-value')).toHaveText('12,500');

  const saved = patched(page);
  await dragCardTo(page, ada, boardColumn(page, 'qualified'));
  // At once, before the server answers: the card, the counts and the values move.
  await expect(boardColumn(page, 'qualified').getByText('Ada Lovelace')).toBeVisible();
  await expect(count(page, 'qualified')).toHaveText('1');
  await expect(count(page, 'contacted')).toHaveText('1');
  await expect(boardColumn(page, 'qualified').getByTestId('column-value')).toHaveText('12,500');
  expect((await saved).status()).toBe(200);

  await page.reload();
  await expect(boardColumn(page, 'qualified').getByText('Ada Lovelace')).toBeVisible();
  await expect(boardColumn(page, 'contacted').getByText('Ada Lovelace')).toHaveCount(0);
  await expect(count(page, 'qualified')).toHaveText('1');
  await expect(boardCard(page, 'Ada Lovelace')).toContainText('Qualified since today');
});

test('dropping on Lost asks for the reason; cancel puts the card back', async ({ page }) => {
  await completeSetup(page);
  await seedLead(page, { firstName: 'Grace', lastName: 'Hopper', status: 'contacted', value: 900 });
  await openBoard(page);
  await expect(count(page, 'contacted')).toHaveText('1');
  await expect(count(page, 'lost')).toHaveText('0');

  await dragCardTo(page, boardCard(page, 'Grace Hopper'), boardColumn(page, 'lost'));
  const dialog = page.getByRole('dialog', { name: 'Mark as lost' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(boardColumn(page, 'contacted').getByText('Grace Hopper')).toBeVisible();
  await expect(count(page, 'lost')).toHaveText('0');

  await dragCardTo(page, boardCard(page, 'Grace Hopper'), boardColumn(page, 'lost'));
  await dialog.getByLabel('Reason').fill('Went with a competitor.');
  await dialog.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Grace Hopper is marked as lost.')).toBeVisible();
  await expect(count(page, 'lost')).toHaveText('1');
  await expect(count(page, 'contacted')).toHaveText('0');
  await expect(boardColumn(page, 'lost').getByText('Grace Hopper')).toBeVisible();
  await expect(boardColumn(page, 'contacted')).toContainText('No leads');

  await page.reload();
  await expect(count(page, 'lost')).toHaveText('1');
  await expect(boardCard(page, 'Grace Hopper')).toContainText('Lost today');
});

test('a forbidden drop shows the server’s reason and the card returns', async ({ page }) => {
  await completeSetup(page);
  await seedLead(page, { firstName: 'Alan', lastName: 'Turing' });
  await openBoard(page);

  const alan = boardCard(page, 'Alan Turing');
  await dragCardTo(page, alan, boardColumn(page, 'converted'), { release: false });
  // While in the air, the columns say where it may go.
  await expect(boardColumn(page, 'converted')).toHaveAttribute('data-drop', 'forbidden');
  await expect(boardColumn(page, 'converted').getByTestId('drop-hint')).toHaveText(
    'Only from Qualified',
  );
  await expect(boardColumn(page, 'qualified')).toHaveAttribute('data-drop', 'allowed');
  const refused = patched(page);
  await page.mouse.up();

  expect((await refused).status()).toBe(422);
  await expect(page.getByText('A lead becomes converted only through conversion.')).toBeVisible();
  await expect(page.getByText('Alan Turing was not moved')).toBeVisible();
  await expect(boardColumn(page, 'new').getByText('Alan Turing')).toBeVisible();
  await expect(count(page, 'new')).toHaveText('1');
  await expect(count(page, 'converted')).toHaveText('0');
});

test('a move the server refuses as stale rolls back with its message', async ({
  page,
  browser,
  server,
}) => {
  await completeSetup(page);
  const lead = await seedLead(page, {
    firstName: 'Katherine',
    lastName: 'Johnson',
    status: 'contacted',
  });
  await openBoard(page);
  await expect(boardColumn(page, 'contacted').getByText('Katherine Johnson')).toBeVisible();

  // Meanwhile, in another session, the lead is marked lost.
  const other = await browser.newContext({ baseURL: server.url });
  const otherPage = await other.newPage();
  await otherPage.goto('/sign-in');
  await signIn(otherPage, 'ada@example.com');
  await expect(otherPage).toHaveURL(/\/customers$/);
  await setLeadStatus(otherPage, lead.id, 'lost');
  await other.close();

  // This board still shows it in Contacted, where Qualified is a fine place to go.
  const refused = patched(page);
  await dragCardTo(page, boardCard(page, 'Katherine Johnson'), boardColumn(page, 'qualified'));
  expect((await refused).status()).toBe(422);
  await expect(page.getByText('A lost lead reopens as New or Contacted.')).toBeVisible();
  await expect(boardColumn(page, 'qualified').getByText('Katherine Johnson')).toHaveCount(0);
  await expect(count(page, 'qualified')).toHaveText('0');
  // …and the board catches up with the server: the lead is lost.
  await expect(boardColumn(page, 'lost').getByText('Katherine Johnson')).toBeVisible();
  await expect(count(page, 'lost')).toHaveText('1');
});

test('a card moves with the keyboard, and a screen reader hears it', async ({ page }) => {
  await completeSetup(page);
  await seedLead(page, { firstName: 'Ada', lastName: 'Lovelace' });
  await openBoard(page);
  // The board's refetch after a move lands late: picked up again before it, the card must
  // already offer the moves of its new status (the server's answer to the move).
  await page.route('**/api/v1/pipeline?**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });

  const handle = page.getByRole('button', { name: 'Move Ada Lovelace' });
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(/Picked up lead Ada Lovelace in New\./)).toBeAttached();
  await page.keyboard.press('ArrowRight');
  await expect(boardColumn(page, 'contacted')).toHaveAttribute('data-over', 'true');
  await expect(
    page.getByText('Over Contacted. Drop to move Ada Lovelace to Contacted.'),
  ).toBeAttached();
  const saved = patched(page);
  await page.keyboard.press('Space');
  expect((await saved).status()).toBe(200);
  await expect(boardColumn(page, 'contacted').getByText('Ada Lovelace')).toBeVisible();
  await expect(count(page, 'new')).toHaveText('0');
  await expect(boardCard(page, 'Ada Lovelace')).not.toHaveAttribute('aria-busy', /.*/);
  // The card is a new element in its new column: the focus follows it, not the page.
  const grip = page.getByRole('button', { name: 'Move Ada Lovelace' });
  await expect(grip).toBeFocused();

  // The arrows skip the columns it may not go to: from Contacted, right is Qualified, then
  // Lost (Converted needs a qualified lead); Escape cancels.
  await page.keyboard.press('Space');
  await expect(page.getByText(/Picked up lead Ada Lovelace in Contacted\./)).toBeAttached();
  await page.keyboard.press('ArrowRight');
  await expect(boardColumn(page, 'qualified')).toHaveAttribute('data-over', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(boardColumn(page, 'lost')).toHaveAttribute('data-over', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByText('Moving cancelled. Ada Lovelace stays in Contacted.')).toBeAttached();
  await expect(boardColumn(page, 'contacted').getByText('Ada Lovelace')).toBeVisible();
  await expect(grip).toBeFocused();

  // Dropped on Lost, then the reason dialog cancelled: the card and the focus come back.
  await page.keyboard.press('Space');
  await expect(page.getByText(/Picked up lead Ada Lovelace in Contacted\./)).toBeAttached();
  await page.keyboard.press('ArrowRight');
  await expect(boardColumn(page, 'qualified')).toHaveAttribute('data-over', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(boardColumn(page, 'lost')).toHaveAttribute('data-over', 'true');
  await page.keyboard.press('Space');
  const dialog = page.getByRole('dialog', { name: 'Mark as lost' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(boardColumn(page, 'contacted').getByText('Ada Lovelace')).toBeVisible();
  await expect(grip).toBeFocused();
});

test('a qualified card dropped on Converted asks first, then converts and locks', async ({
  page,
}) => {
  await completeSetup(page);
  await seedLead(page, {
    firstName: 'Barbara',
    lastName: 'Liskov',
    value: 40000,
    status: 'qualified',
  });
  await openBoard(page);

  await dragCardTo(page, boardCard(page, 'Barbara Liskov'), boardColumn(page, 'converted'));
  const dialog = page.getByRole('dialog', { name: 'Convert to a customer' });
  await expect(dialog).toContainText('Convert Barbara Liskov to a customer?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(boardColumn(page, 'qualified').getByText('Barbara Liskov')).toBeVisible();
  await expect(count(page, 'converted')).toHaveText('0');

  await dragCardTo(page, boardCard(page, 'Barbara Liskov'), boardColumn(page, 'converted'));
  await dialog.getByRole('button', { name: 'Convert' }).click();
  await expect(page.getByText('Barbara Liskov is now a customer.')).toBeVisible();
  await expect(page).toHaveURL(/\/pipeline/);
  const card = boardColumn(page, 'converted').getByTestId('pipeline-card');
  await expect(card).toContainText('Barbara Liskov');
  await expect(card.getByTestId('card-locked')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Move Barbara Liskov' })).toHaveCount(0);
  await expect(count(page, 'converted')).toHaveText('1');
  await expect(count(page, 'qualified')).toHaveText('0');
  await expect(boardColumn(page, 'converted').getByTestId('column-value')).toHaveText('40,000');
});

test('converting from the board offers to link a lead to the customer with its email', async ({
  page,
}) => {
  await completeSetup(page);
  const customer = await page.request.post('/api/v1/customers', {
    data: { firstName: 'Edsger', lastName: 'Dijkstra', email: 'edsger@tue.example' },
  });
  expect(customer.status(), await customer.text()).toBe(201);
  await seedLead(page, {
    firstName: 'E. W.',
    lastName: 'Dijkstra',
    email: 'EDSGER@tue.example',
    status: 'qualified',
  });
  await openBoard(page);

  await dragCardTo(page, boardCard(page, 'E. W. Dijkstra'), boardColumn(page, 'converted'));
  await page
    .getByRole('dialog', { name: 'Convert to a customer' })
    .getByRole('button', { name: 'Convert' })
    .click();
  const duplicate = page.getByRole('dialog', { name: 'A customer with this email already exists' });
  await expect(duplicate).toBeVisible();
  await duplicate.getByRole('button', { name: 'Link lead to this customer' }).click();
  await expect(duplicate).toBeHidden();
  await expect(page.getByText('E. W. Dijkstra is linked to Edsger Dijkstra.')).toBeVisible();
  await expect(page).toHaveURL(/\/pipeline/);
  await expect(boardCard(page, 'E. W. Dijkstra').getByTestId('card-locked')).toBeVisible();
  await expect(count(page, 'converted')).toHaveText('1');
});

test('a sales user’s board holds only their leads, without an owner filter', async ({
  page,
  server,
}) => {
  await completeSetup(page);
  await server.createUser({ name: 'Bob Sales', email: 'bob@example.com', role: 'sales' });
  const bob = await userIdOf(page, 'Bob Sales');
  await seedLead(page, { firstName: 'Bobs', lastName: 'Lead', ownerId: bob, status: 'contacted' });
  await seedLead(page, { firstName: 'Admins', lastName: 'Lead', status: 'contacted' });
  await seedLead(page, { firstName: 'Nobodys', lastName: 'Lead', ownerId: null });
  await openBoard(page);
  await expect(page.getByTestId('pipeline-card')).toHaveCount(3);
  await signOut(page);

  await page.goto('/sign-in?redirect=/pipeline');
  await signIn(page, 'bob@example.com');
  await expect(page.getByRole('heading', { name: 'Pipeline', level: 1 })).toBeVisible();
  await expect(page.getByTestId('pipeline-card')).toHaveCount(1);
  await expect(boardCard(page, 'Bobs Lead')).toBeVisible();
  await expect(count(page, 'contacted')).toHaveText('1');
  await expect(count(page, 'new')).toHaveText('0');
  await expect(page.getByRole('textbox', { name: 'Owner' })).toHaveCount(0);
  // Their own lead is theirs to move.
  await expect(page.getByRole('button', { name: 'Move Bobs Lead' })).toBeVisible();
});

test('a viewer sees the board without drag handles', async ({ page, server }) => {
  await completeSetup(page);
  await server.createUser({ name: 'Vera Viewer', email: 'vera@example.com', role: 'viewer' });
  await seedLead(page, { firstName: 'Ada', lastName: 'Lovelace', status: 'qualified' });
  await signOut(page);

  await page.goto('/sign-in?redirect=/pipeline');
  await signIn(page, 'vera@example.com');
  await expect(page.getByRole('heading', { name: 'Pipeline', level: 1 })).toBeVisible();
  const card = boardCard(page, 'Ada Lovelace');
  await expect(card).toBeVisible();
  await expect(page.getByRole('button', { name: /^Move / })).toHaveCount(0);
  await expect(card).not.toHaveAttribute('data-draggable');
  await expect(page.getByRole('link', { name: 'New lead' })).toHaveCount(0);

  // A mouse drag does nothing at all.
  await dragCardTo(page, card, boardColumn(page, 'lost'));
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(boardColumn(page, 'qualified').getByText('Ada Lovelace')).toBeVisible();
});

test('owner, source and search filters go into the URL and survive a reload', async ({
  page,
  server,
}) => {
  await completeSetup(page);
  await server.createUser({ name: 'Bob Sales', email: 'bob@example.com', role: 'sales' });
  const bob = await userIdOf(page, 'Bob Sales');
  await seedLead(page, { firstName: 'Grace', lastName: 'Hopper', source: 'referral' });
  await seedLead(page, { firstName: 'Alan', lastName: 'Turing', ownerId: bob, source: 'event' });
  await seedLead(page, { firstName: 'Edsger', lastName: 'Dijkstra', ownerId: null });
  await openBoard(page);
  const cards = page.getByTestId('pipeline-card');
  await expect(cards).toHaveCount(3);

  await page.getByLabel('Search leads').fill('hopper');
  await expect(page).toHaveURL(/q=hopper/);
  await expect(cards).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel('Search leads')).toHaveValue('hopper');
  await expect(cards).toHaveCount(1);
  await expect(boardCard(page, 'Grace Hopper')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(cards).toHaveCount(3);

  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'Unassigned' }).click();
  await expect(page).toHaveURL(/ownerId=none/);
  await expect(cards).toHaveCount(1);
  await expect(boardCard(page, 'Edsger Dijkstra')).toBeVisible();

  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'Bob Sales' }).click();
  await expect(page).toHaveURL(new RegExp(`ownerId=${bob}`));
  await expect(cards).toHaveCount(1);
  await expect(boardCard(page, 'Alan Turing')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Owner' })).toHaveValue('Bob Sales');
  await expect(cards).toHaveCount(1);

  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'Anyone' }).click();
  await page.getByRole('textbox', { name: 'Source' }).click();
  await page.getByRole('option', { name: 'Referral' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/source=referral/);
  await expect(page).not.toHaveURL(/ownerId/);
  await expect(cards).toHaveCount(1);
  await page.reload();
  await expect(boardCard(page, 'Grace Hopper')).toBeVisible();
  await expect(cards).toHaveCount(1);
  await expect(page.getByText('1 open lead')).toBeVisible();
});

test('a long column loads more cards as it scrolls', async ({ page }) => {
  await completeSetup(page);
  for (let i = 1; i <= 45; i++) {
    await seedLead(page, { firstName: 'Lead', lastName: String(i).padStart(2, '0') });
  }
  await openBoard(page);
  const column = boardColumn(page, 'new');
  await expect(count(page, 'new')).toHaveText('45');
  await expect(column.getByTestId('pipeline-card')).toHaveCount(20);
  await column.getByRole('list').evaluate((list) => {
    list.scrollTop = list.scrollHeight;
  });
  await expect(column.getByTestId('pipeline-card')).toHaveCount(40);
  await column.getByRole('list').evaluate((list) => {
    list.scrollTop = list.scrollHeight;
  });
  await expect(column.getByTestId('pipeline-card')).toHaveCount(45);
  await expect(column.getByText('Lead 01', { exact: true })).toBeVisible();
  await expect(column.getByRole('button', { name: /Show more/ })).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a long press drags a card from Contacted to Qualified by touch', async ({ page }) => {
    await completeSetup(page);
    await seedLead(page, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      value: 12500,
      status: 'contacted',
    });
    await seedLead(page, { firstName: 'Charles', lastName: 'Babbage', status: 'contacted' });
    await openBoard(page);
    await expect(count(page, 'contacted')).toHaveText('2');
    await expect(count(page, 'qualified')).toHaveText('0');

    // Phones show one column at a time with the next peeking in: bring Contacted into view.
    const contacted = boardColumn(page, 'contacted');
    const qualified = boardColumn(page, 'qualified');
    await contacted.evaluate((column) =>
      column.scrollIntoView({ inline: 'start', block: 'nearest' }),
    );
    const ada = boardCard(page, 'Ada Lovelace');
    await expect(ada).toBeInViewport();

    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x?: number, y?: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: x === undefined || y === undefined ? [] : [{ x, y }],
      });
    // The board: the columns' parent, scrolling sideways on a phone.
    const board = boardColumn(page, 'new').locator('..');
    const scrolled = () => board.evaluate((element) => element.scrollLeft);

    // A quick swipe on a card, without the long press, scrolls the board and moves nothing.
    const before = await scrolled();
    const swipe = await boardCard(page, 'Charles Babbage').boundingBox();
    if (!swipe) throw new Error('card not on screen');
    const swipeY = swipe.y + swipe.height / 2;
    await touch('touchStart', swipe.x + swipe.width - 20, swipeY);
    for (let step = 1; step <= 6; step++) {
      await touch('touchMove', swipe.x + swipe.width - 20 - 30 * step, swipeY);
    }
    await touch('touchEnd');
    await expect.poll(scrolled).toBeGreaterThan(before + 100);
    await expect(board).not.toHaveAttribute('data-dragging');
    await expect(qualified).not.toHaveAttribute('data-drop');
    await expect(count(page, 'contacted')).toHaveText('2');
    // Back to Contacted once the fling has settled.
    await expect(async () => {
      await contacted.evaluate((column) =>
        column.scrollIntoView({ inline: 'start', block: 'nearest' }),
      );
      await page.waitForTimeout(200);
      expect(await scrolled()).toBe(before);
    }).toPass();
    await expect(ada).toBeInViewport();
    const from = await ada.boundingBox();
    if (!from) throw new Error('card not on screen');
    let x = from.x + from.width / 2;
    let y = from.y + Math.min(40, from.height / 2);
    // A long press lifts the card: every column says whether it may go there.
    await touch('touchStart', x, y);
    await page.waitForTimeout(400);
    await expect(qualified).toHaveAttribute('data-drop', 'allowed');
    // Toward the right edge, where Qualified peeks in: the board scrolls while the finger is
    // near the edge, so the finger then follows Qualified back into the middle, as a person
    // would, until the board stands still with Qualified under it.
    const viewport = page.viewportSize();
    if (!viewport) throw new Error('no viewport');
    const edgeX = viewport.width - 40;
    for (let step = 1; step <= 10; step++) {
      await touch('touchMove', x + ((edgeX - x) * step) / 10, y + 2 * step);
      await page.waitForTimeout(16);
    }
    await expect(board).toHaveAttribute('data-dragging', 'true');
    x = edgeX;
    y += 20;
    const moveTo = async (targetX: number) => {
      for (let step = 1; step <= 4; step++) {
        await touch('touchMove', x + ((targetX - x) * step) / 4, y);
        await page.waitForTimeout(16);
      }
      x = targetX;
    };
    await expect(async () => {
      const to = await qualified.boundingBox();
      if (!to) throw new Error('Qualified not on screen');
      const middle = to.x + to.width / 2;
      if (middle < 100 || middle > viewport.width - 100) {
        // The board scrolled too little or past it: a moment in the scroll zone on Qualified's
        // side, then back to the middle so the board stops, and look again (a slow machine
        // overshoots when the finger stays at an edge).
        await moveTo(middle < 100 ? 50 : viewport.width - 50);
        await page.waitForTimeout(120);
        await moveTo(viewport.width / 2);
        throw new Error('Qualified is not under the finger yet');
      }
      await moveTo(middle);
      const settled = await scrolled();
      await page.waitForTimeout(150);
      expect(await scrolled()).toBe(settled);
      await expect(qualified).toHaveAttribute('data-over', 'true', { timeout: 500 });
    }).toPass();
    const saved = patched(page);
    await touch('touchEnd');

    await expect(qualified.getByText('Ada Lovelace')).toBeVisible();
    await expect(count(page, 'qualified')).toHaveText('1');
    await expect(count(page, 'contacted')).toHaveText('1');
    expect((await saved).status()).toBe(200);

    await page.reload();
    await expect(qualified.getByText('Ada Lovelace')).toBeAttached();
    await expect(contacted.getByText('Ada Lovelace')).toHaveCount(0);
    await expect(count(page, 'qualified')).toHaveText('1');
    await expect(count(page, 'contacted')).toHaveText('1');
    await expect(boardCard(page, 'Ada Lovelace')).toContainText('Qualified since today');
  });
});
