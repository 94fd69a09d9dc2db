import type { Browser } from 'playwright-core';
import { ADMIN, gqlOk, startPlatform, type StartedPlatform } from './support/platform';
import { checkPage, launchBrowser, newPerson, recordMeasurement, WEB_ORIGIN } from './support/browser';

const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const CREATE_INSTITUTION = `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`;

/**
 * The web client in a real browser (Debian's Chromium through playwright-core) against the platform started as
 * `npm start` starts it, which builds the client and serves it on the gateway's origin.
 */
describe('web client in a browser', () => {
  let platform: StartedPlatform;
  let browser: Browser;

  beforeAll(async () => {
    // the client's queries are deeper than the other system suites' deliberately tight MAX_QUERY_DEPTH
    platform = await startPlatform({ MAX_QUERY_DEPTH: '10' });
    browser = await launchBrowser();
    const adminToken = (await gqlOk<{ login: { token: string } }>(LOGIN, ADMIN)).login.token;
    for (const name of ['Leeds Teaching Hospitals', 'University of Glasgow'])
      await gqlOk(CREATE_INSTITUTION, { input: { name, country: 'GB' } }, adminToken);
  });

  afterAll(async () => {
    await browser?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it('a clinician registers, sees their profile, signs out and signs in again; the session survives a reload', async () => {
    const { context, page } = await newPerson(browser);
    const email = `web.clinician.${Date.now()}@example.org`;
    const password = 'a web passphrase for tests 9';

    const started = Date.now();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    recordMeasurement('firstPageInteractiveMs', Date.now() - started);
    recordMeasurement(
      'firstPageDomInteractiveMs',
      await page.evaluate<number>("Math.round(performance.getEntriesByType('navigation')[0].domInteractive)"),
    );
    await checkPage(page, 'home', 'Welcome to Praxis');

    await page.getByRole('link', { name: 'Join Praxis' }).first().click();
    await checkPage(page, 'register', 'Join Praxis');
    // the server's field errors reach the field: a weak password
    await page.getByLabel('E-mail address').fill(email);
    const passwordField = page.getByRole('textbox', { name: 'Password' });
    await passwordField.fill('password1234');
    await page.getByLabel('Your name').fill('Amara Okafor');
    await page.getByRole('combobox', { name: 'Career stage' }).click();
    await page.getByRole('option', { name: 'Resident' }).click();
    await page.getByRole('combobox', { name: 'Institution' }).fill('Leeds');
    await page.getByRole('option', { name: /Leeds Teaching Hospitals/ }).click();
    await page.getByRole('combobox', { name: 'Research interests' }).fill('simulation');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByText('too easy to guess').waitFor();
    expect(await passwordField.getAttribute('aria-invalid')).toBe('true');
    // the error is tied to the field and focus moved there
    const describedBy = (await passwordField.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).toMatch(
      /too easy to guess/,
    );
    await page.waitForFunction(`document.activeElement?.getAttribute('data-path') === 'password'`);
    await passwordField.fill(password);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome, Amara Okafor' }).waitFor();

    // the access token lives in memory only; the refresh cookie is httpOnly, out of every script's reach
    const refresh = (await context.cookies(`${WEB_ORIGIN}/graphql`)).find(
      (cookie) => cookie.name === 'praxis_refresh',
    );
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });
    const storage = await page.evaluate<string>('JSON.stringify([localStorage, sessionStorage])');
    expect(storage).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT
    expect(storage).not.toContain(refresh?.value);
    expect(await page.evaluate('document.cookie')).toBe('');

    await page.getByRole('link', { name: 'Your profile' }).click();
    await page.getByTestId('profile-name').getByText('Amara Okafor').waitFor();
    await page.getByText(email).waitFor();
    await checkPage(page, 'profile', 'Your profile');

    // the voluntary questions: why they are asked, aggregate only, "prefer not to say" everywhere
    await page.getByRole('navigation').getByRole('link', { name: 'Equality questions' }).click();
    await checkPage(page, 'demographics', 'Voluntary equality questions');
    await page.getByText('only ever reported as totals').waitFor();
    expect(await page.getByRole('radio', { name: 'Prefer not to say' }).count()).toBe(4);
    await page.getByRole('radio', { name: 'Woman' }).check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByText('Your answers are saved.').waitFor();
    await page.getByRole('button', { name: 'Erase my answers' }).waitFor();

    // a reload keeps the session: the cookie is swapped for a new access token
    // and only the member reads their answers back
    await page.reload();
    await page.getByRole('heading', { name: 'Voluntary equality questions' }).waitFor();
    await page.getByRole('radio', { name: 'Woman', checked: true }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkPage(page, 'sign-in', 'Sign in');
    // signed out for real: a protected page sends the person to sign in
    await page.goto('/profile');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('profile-name').getByText('Amara Okafor').waitFor();
    await context.close();
  });
});
