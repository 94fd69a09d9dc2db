import type { Browser } from 'playwright-core';
import { ADMIN, gqlOk } from './support/platform';
import { checkPage, launchBrowser, newPerson } from './support/browser';

const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const CREATE_INSTITUTION = `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`;
const REGISTER = `mutation R($input: RegisterInput!) { register(input: $input) { member { id } } }`;
const GRANT = `mutation G($m: ID!, $role: Role!, $i: ID) { grantRole(memberId: $m, role: $role, institutionId: $i) { id } }`;
const PASSWORD = 'a confirmations passphrase 5';

/**
 * A lead's "to confirm" list in a real browser (issue 11): the new members of their institution wait as cards,
 * 20 a page with "Show more" for the rest (21 of them here), one is confirmed and leaves the list on "Show the latest" while the other stays; axe on the list before and
 * after, screenshots at 1280 and 375 px. Then the shared member picker on the Mastermind group form (axe with a
 * person found and one added). Short on purpose: CI time.
 */
describe('web client: a lead confirms new members', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a lead confirms one new member, who leaves the list, and finds people with the member picker', async () => {
    const now = Date.now();
    const adminToken = (await gqlOk<{ login: { token: string } }>(LOGIN, ADMIN)).login.token;
    const institutionId = (
      await gqlOk<{ createInstitution: { id: string } }>(
        CREATE_INSTITUTION,
        { input: { name: `Confirmations Hospital ${now}`, country: 'GB' } },
        adminToken,
      )
    ).createInstitution.id;
    const register = async (email: string, displayName: string, careerStage: string) =>
      (
        await gqlOk<{ register: { member: { id: string } } }>(REGISTER, {
          input: { email, password: PASSWORD, displayName, careerStage, institutionId, interests: [] },
        })
      ).register.member.id;
    const leadId = await register(`lead.${now}@example.org`, `Lena Lead ${now}`, 'CONSULTANT');
    await gqlOk(GRANT, { m: leadId, role: 'LEAD', i: institutionId }, adminToken);
    const nia = `Nia Newcomer ${now}`;
    const omar = `Omar Newcomer ${now}`;
    // oldest first, 20 a page: Nia is on the first page, Omar (the 21st) on the second
    await register(`nia.${now}@example.org`, nia, 'RESIDENT');
    for (let i = 1; i <= 19; i += 1)
      await register(`filler${i}.${now}@example.org`, `Fay Filler ${i} ${now}`, 'FOUNDATION_DOCTOR');
    await register(`omar.${now}@example.org`, omar, 'MEDICAL_STUDENT');

    const { page } = await newPerson(browser);
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(`lead.${now}@example.org`);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Confirmations' }).click();
    const newMembers = page.getByRole('region', { name: 'New members' });
    await newMembers.getByRole('article', { name: nia }).waitFor();
    expect(await newMembers.getByRole('article').count()).toBe(20);
    expect(await newMembers.getByRole('article', { name: omar }).count()).toBe(0);
    await newMembers.getByText('20 of 21 shown').waitFor();
    await newMembers.getByRole('button', { name: 'Show more new members' }).click();
    await newMembers.getByRole('article', { name: omar }).waitFor();
    expect(await newMembers.getByRole('article').count()).toBe(21);
    expect(await newMembers.getByRole('button', { name: 'Show more new members' }).count()).toBe(0);
    expect(await newMembers.getByRole('article', { name: nia }).textContent()).toMatch(
      new RegExp(`Registered at Confirmations Hospital ${now} as Resident`),
    );
    await checkPage(page, 'confirmations', 'Confirmations');

    // keyboard: focus the confirm button and press Enter; the card says the outcome, then the list moves on
    const confirm = newMembers.getByRole('button', { name: `Confirm ${nia}’s request` });
    await confirm.focus();
    await page.keyboard.press('Enter');
    await newMembers.getByRole('article', { name: nia }).getByText('Confirmed', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Show the latest' }).click();
    await newMembers.getByRole('article', { name: nia }).waitFor({ state: 'detached' });
    expect(await newMembers.getByRole('article', { name: omar }).count()).toBe(1);
    await checkPage(page, 'confirmations-after', 'Confirmations');

    // the shared member picker on the Mastermind group form: search by name, add, listed with a remove button
    await page.getByRole('navigation').getByRole('link', { name: 'Mastermind groups' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mastermind groups' }).waitFor();
    await page.getByRole('searchbox', { name: 'Find people to add by name' }).fill(`Newcomer ${now}`);
    await page.getByRole('button', { name: `Add ${omar}` }).click();
    await page.getByRole('button', { name: `Remove ${omar}` }).waitFor();
    await page.getByRole('searchbox', { name: 'Find people to add by name' }).fill(`Newcomer ${now}`);
    await page.getByRole('button', { name: `Add ${nia}` }).waitFor();
    // Omar is chosen: the picker no longer offers him
    expect(await page.getByRole('button', { name: `Add ${omar}` }).count()).toBe(0);
    await checkPage(page, 'mastermind-form', 'Mastermind groups');
  });
});
