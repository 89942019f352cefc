// Production requires a second factor (LIFELINE_REQUIRE_SECOND_FACTOR, on by default there): a
// person without one is taken from the password straight to setting it up, before any page.
import { describe, expect, test } from 'vitest';
import { confirmEnrolment, enterSecurityCode, invalidCode, nextCode, readEnrolmentKey, readRecoveryCodes } from './support/authenticator.ts';
import { JAVASCRIPT_MODES, expectNoPageProblems, type JavaScriptMode } from './support/browser.ts';
import { demoAccount, errorSummary, follow, signIn, signOut, visit } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';

const lifeline = useLifeline({ LIFELINE_REQUIRE_SECOND_FACTOR: 'true' });

const PEOPLE: Record<JavaScriptMode, ReturnType<typeof demoAccount>> = {
  'with JavaScript': demoAccount('charity-case-worker', 'charity-safe-harbour'),
  'without JavaScript': demoAccount('information-line-adviser', 'national-centre'),
};

describe.each(JAVASCRIPT_MODES)('a required second factor, %s', (mode) => {
  test('is set up at first sign-in, before any staff page opens', async () => {
    const person = PEOPLE[mode];
    const context = await lifeline.person(mode);
    const page = await context.newPage();

    await signIn(page, person.email, person.password);
    expect(new URL(page.url()).pathname).toBe('/sign-in/enrol');
    expect(await page.locator('main').innerText()).toContain('Every staff account needs a second factor before it can be used.');
    // Half signed in is not signed in.
    await visit(page, '/account');
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await signIn(page, person.email, person.password);
    const app = await readEnrolmentKey(page);
    await confirmEnrolment(page, invalidCode(app));
    expect(await errorSummary(page)).toEqual(['Enter the 6-digit code shown in your authenticator app now']);
    await confirmEnrolment(page, app.generate());
    expect(new URL(page.url()).pathname).toBe('/account/revealed');
    await readRecoveryCodes(page);
    await follow(page, page.getByRole('button', { name: 'Continue' }));
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('main').innerText()).toContain(`You are signed in as ${person.displayName}`);
    await signOut(page);

    await signIn(page, person.email, person.password);
    await enterSecurityCode(page, nextCode(app));
    expect(new URL(page.url()).pathname).toBe('/');
    await signOut(page);

    expectNoPageProblems(context);
    await context.close();
  });
});
