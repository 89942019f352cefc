// The accessibility check must be able to fail, with JavaScript and without: otherwise every
// journey's "accessible" verdict means nothing.
import { describe, expect, test } from 'vitest';
import { JAVASCRIPT_MODES } from './support/browser.ts';
import { seriousViolations } from './support/axe.ts';
import { useLifeline } from './support/lifecycle.ts';

const lifeline = useLifeline();

const INACCESSIBLE = `<!DOCTYPE html><html lang="en"><head><title>Broken on purpose</title></head><body><main>
<h1>Broken on purpose</h1>
<form><input type="text" name="unlabelled"></form>
<img src="/assets/images/favicon.svg">
</main></body></html>`;

describe.each(JAVASCRIPT_MODES)('the accessibility check, %s', (mode) => {
  test('reports serious and critical violations by rule and element', async () => {
    const context = await lifeline.person(mode);
    const page = await context.newPage();
    await page.route(`${lifeline.baseUrl}/broken-on-purpose`, (route) => route.fulfill({ contentType: 'text/html', body: INACCESSIBLE }));
    await page.goto('/broken-on-purpose');
    const violations = await seriousViolations(page);
    expect(violations.map((v) => [v.rule, v.impact, v.targets])).toEqual(expect.arrayContaining([
      ['label', 'critical', ['input']],
      ['image-alt', 'critical', ['img']],
    ]));
    await context.close();
  });
});
