import type { Browser, Page } from 'playwright-core';
import { waitFor } from '@praxis/platform/testing';
import { ADMIN, gql, gqlOk, startPlatform, type StartedPlatform } from './support/platform';
import { checkPage, launchBrowser, newPerson } from './support/browser';

const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const CREATE_INSTITUTION = `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`;
const REGISTER = `mutation R($input: RegisterInput!) { register(input: $input) { member { id } } }`;
const GRANT = `mutation G($m: ID!, $role: Role!, $i: ID) { grantRole(memberId: $m, role: $role, institutionId: $i) { id } }`;
const CREATE_FUND = `mutation F($input: CreateFundInput!) { createFund(input: $input) { id } }`;
const CREATE_AWARD = `mutation A($input: CreateAwardInput!) { createAward(input: $input) { id } }`;
const PASSWORD = 'a web passphrase for tests 9';
const DAY_MS = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The lead's and the award winner's pages in a real browser, against the platform as `npm start` starts it:
 * short on purpose (CI time); the journeys of web-journeys.e2e-spec.ts cover the rest of the client.
 */
describe('web client: lead dashboard and funding', () => {
  let platform: StartedPlatform;
  let browser: Browser;
  let adminToken: string;

  beforeAll(async () => {
    platform = await startPlatform({ MAX_QUERY_DEPTH: '10' });
    browser = await launchBrowser();
    adminToken = (await gqlOk<{ login: { token: string } }>(LOGIN, ADMIN)).login.token;
  });

  afterAll(async () => {
    await browser?.close();
    expect(await platform?.stop()).toBe(0);
  });

  async function signIn(email: string, password = PASSWORD): Promise<Page> {
    const { page } = await newPerson(browser);
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  it('a lead opens the dashboard: their institution beside the network, suppressed cells marked, released ones counted', async () => {
    const now = Date.now();
    const institutionName = `Dashboard Hospital ${now}`;
    const institutionId = (
      await gqlOk<{ createInstitution: { id: string } }>(
        CREATE_INSTITUTION,
        { input: { name: institutionName, country: 'GB' } },
        adminToken,
      )
    ).createInstitution.id;
    // eleven members: five residents, five consultants and one academic (a group under the threshold of 5)
    const stages = [...Array<string>(5).fill('RESIDENT'), ...Array<string>(5).fill('CONSULTANT'), 'ACADEMIC'];
    const ids: string[] = [];
    for (const [index, careerStage] of stages.entries())
      ids.push(
        (
          await gqlOk<{ register: { member: { id: string } } }>(REGISTER, {
            input: {
              email: `dash.${index}.${now}@example.org`,
              password: PASSWORD,
              displayName: `Dash Member ${index} ${now}`,
              careerStage,
              institutionId,
              interests: [],
            },
          })
        ).register.member.id,
      );
    await gqlOk(GRANT, { m: ids[0], role: 'LEAD', i: institutionId }, adminToken);

    const page = await signIn(`dash.0.${now}@example.org`);
    await page.getByRole('navigation').getByRole('link', { name: 'Engagement dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Engagement dashboard' }).waitFor();
    // the members and the lead role reach engagement through Kafka: until then the page says so in words
    await waitFor(
      async () => {
        const cell = page
          .getByRole('table', { name: new RegExp(`^${institutionName}, `) })
          .getByRole('row', { name: /^Members/ })
          .getByRole('cell')
          .first();
        if ((await cell.count()) === 1 && (await cell.textContent()) === '11') return true;
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Engagement dashboard' }).waitFor();
        await page.getByRole('table').first().or(page.getByRole('alert')).first().waitFor();
        return false;
      },
      { timeoutMs: 60000, intervalMs: 1000, description: 'eleven members on the dashboard' },
    );
    await checkPage(page, 'dashboard', 'Engagement dashboard');

    await page.getByRole('combobox', { name: 'Split by' }).click();
    await page.getByRole('option', { name: 'Career stage' }).click();
    await page.getByRole('heading', { name: 'By career stage' }).waitFor();
    const split = page.getByRole('region', { name: 'By career stage' }).getByRole('table');
    const academic = split
      .getByRole('row', { name: /^Academic/ })
      .getByRole('cell')
      .first();
    expect(await academic.textContent()).toBe('Suppressed');
    const describedBy = (await academic.locator('[aria-describedby]').getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/fewer than 5 people/);
    expect(
      await split
        .getByRole('row', { name: /^Consultant/ })
        .getByRole('cell')
        .first()
        .textContent(),
    ).toBe('5');
    await checkPage(page, 'dashboard-split', 'Engagement dashboard');

    // a member's record
    await page.getByRole('combobox', { name: 'Member' }).fill('Dash Member 3');
    await page.getByRole('option', { name: `Dash Member 3 ${now}` }).click();
    // the record carries the profile facts, never demographic data
    await page
      .getByRole('region', { name: "A member's record" })
      .getByText(/^Resident · Registered/)
      .waitFor();
  });

  it('an award winner accepts the offer and logs research time', async () => {
    const now = Date.now();
    const institutionId = (
      await gqlOk<{ createInstitution: { id: string } }>(
        CREATE_INSTITUTION,
        { input: { name: `Award Hospital ${now}`, country: 'GB' } },
        adminToken,
      )
    ).createInstitution.id;
    const winner = (
      await gqlOk<{ register: { member: { id: string } } }>(REGISTER, {
        input: {
          email: `winner.${now}@example.org`,
          password: PASSWORD,
          displayName: `Wren Winner ${now}`,
          careerStage: 'RESIDENT',
          institutionId,
          interests: [],
        },
      })
    ).register.member.id;
    const fundId = (
      await gqlOk<{ createFund: { id: string } }>(
        CREATE_FUND,
        {
          input: {
            name: `Simulation fund ${now}`,
            source: 'A charity',
            total: { amountMinor: 5_000_000, currency: 'GBP' },
          },
        },
        adminToken,
      )
    ).createFund.id;
    const title = `Suturing simulation ${now}`;
    const award = {
      title,
      fundId,
      amount: { amountMinor: 250_050, currency: 'GBP' },
      principalInvestigatorId: winner,
      startsOn: isoDay(now - 7 * DAY_MS),
      endsOn: isoDay(now + 180 * DAY_MS),
      requestedHours: 104,
    };
    // the winner reaches funding's member replica through Kafka
    await waitFor(async () => (await gql(CREATE_AWARD, { input: award }, adminToken)).errors === undefined, {
      timeoutMs: 30000,
      intervalMs: 500,
      description: 'award offered',
    });

    const page = await signIn(`winner.${now}@example.org`);
    await page.getByRole('navigation').getByRole('link', { name: 'Your awards' }).click();
    const card = page.getByRole('article', { name: title });
    await card.getByText('Offered').waitFor();
    // money from minor units with its currency: 250050 pence
    await card.getByText(/£2,500\.50/).waitFor();
    await checkPage(page, 'funding-awards', 'Your awards');
    await card.getByRole('button', { name: 'Accept the award' }).click();
    await card.getByText('Accepted', { exact: true }).waitFor();

    await card.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    // accepting asked the institution to release the hours: 104 over the award's weeks
    await page.getByRole('cell', { name: 'Waiting for approval' }).waitFor();
    await page.getByRole('textbox', { name: 'Hours' }).fill('2.5');
    await page.getByRole('textbox', { name: 'Private note (optional)' }).fill('Wrote the protocol.');
    await page.getByRole('button', { name: 'Log time' }).click();
    await page.getByText('Time logged.').waitFor();
    await checkPage(page, 'funding-award', title);
  });

  it('an admin starts a community and a programme, sees its applicants; a second tab signs out with the first', async () => {
    const now = Date.now();
    const page = await signIn(ADMIN.email, ADMIN.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Communities' }).click();
    const start = page.getByRole('form', { name: 'Start a community' });
    await start.getByRole('textbox', { name: 'Name' }).fill(`Simulation educators ${now}`);
    await start.getByRole('textbox', { name: 'Interests' }).fill('simulation, feedback');
    await start.getByRole('button', { name: 'Start the community' }).click();
    await page.getByRole('link', { name: `Simulation educators ${now}` }).click();
    await page.getByRole('heading', { level: 1, name: `Simulation educators ${now}` }).waitFor();
    await page.getByRole('link', { name: 'Create a programme' }).click();
    await page.getByRole('heading', { level: 1, name: 'New programme' }).waitFor();
    const form = page.getByRole('form', { name: 'New programme' });
    // the problems are shown at their fields before anything is sent
    await form.getByRole('button', { name: 'Create the programme' }).click();
    await form.getByText('Choose at least one career stage').waitFor();
    await checkPage(page, 'programme-new', 'New programme');
    await form.getByRole('textbox', { name: 'Title' }).fill(`Feedback on the wards ${now}`);
    await form.getByRole('checkbox', { name: 'Resident' }).check();
    await form.getByRole('radio', { name: 'In person' }).check();
    await form.getByRole('textbox', { name: 'Session 1: theme' }).fill('Giving feedback');
    await form.getByRole('button', { name: 'Create the programme' }).click();
    await page.getByRole('heading', { level: 1, name: `Feedback on the wards ${now}` }).waitFor();
    const organisers = page.getByRole('region', { name: 'For organisers' });
    await organisers.getByText('Nobody has applied yet.').waitFor();
    await organisers.getByRole('button', { name: 'Select applicants' }).waitFor();
    await checkPage(page, 'programme-organiser', `Feedback on the wards ${now}`);

    // a second tab of the same browser shares the session; signing out in the first signs it out too, at once
    const second = await page.context().newPage();
    await second.goto('/communities');
    await second.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await second.getByRole('link', { name: 'Sign in' }).first().waitFor();
    expect(await second.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await second.close();
  });
});
