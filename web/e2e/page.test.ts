// The clinician's page in Debian's chromium, against the real server on a loopback port (issue 13).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, repoRoot, shotsDir, startHarness } from './harness.js';

let hn: Harness;
const external: string[] = [];

beforeAll(async () => {
  hn = await startHarness();
  mkdirSync(shotsDir, { recursive: true });
}, 120_000);
afterAll(async () => {
  await hn?.close();
});

const example = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'examples', name), 'utf8'));
const linkFor = (c: unknown) => `/?case=${Buffer.from(JSON.stringify(c)).toString('base64url')}`;

async function open(path = '/', viewport = { width: 1400, height: 1000 }): Promise<Page> {
  const page = await hn.browser.newPage({ viewport, locale: 'en-GB' });
  page.on('request', (r) => {
    if (!r.url().startsWith(hn.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
      external.push(r.url());
  });
  await page.goto(`${hn.url}${path}`);
  await page.waitForSelector('#entry');
  return page;
}

const text = async (page: Page, selector: string) =>
  (await page.locator(selector).first().textContent()) ?? '';
const waitText = (page: Page, selector: string, expected: string) =>
  page.waitForFunction(
    ([s, e]) => (document.querySelector(s as string)?.textContent ?? '').includes(e as string),
    [selector, expected],
    { timeout: 20_000 },
  );

async function addFinding(page: Page, typed: string, label: string): Promise<void> {
  const box = page.locator('#finding-search');
  await box.focus();
  await box.pressSequentially(typed, { delay: 10 });
  await page.waitForFunction(
    (l) => document.querySelector('#finding-option-0')?.textContent?.startsWith(l) === true,
    label,
    { timeout: 20_000 },
  );
  await page.keyboard.press('Enter');
  await waitText(page, '#finding-chips', label);
}

describe('the clinician page in chromium', () => {
  it('takes a published case entered by hand and shows the top syndrome, PNS-Care level and a screening date', async () => {
    // Said et al., Am J Case Rep 2013 (PMID 24116265): anti-Hu limbic encephalitis with hyponatraemia, examples/46.
    const page = await open();
    await page.fill('#case-asOf', '2013-01-01');
    await page.fill('#patient-age', '59');
    await page.selectOption('#patient-sex', 'female');
    await addFinding(page, 'seizure', 'Seizures');
    await addFinding(page, 'memory loss', 'Memory impairment');
    await addFinding(page, 'short attention', 'Short attention span');
    await addFinding(page, 'hyponatr', 'Hyponatremia');
    await addFinding(page, 'limbic system', 'Abnormal morphology of the limbic system');
    await page.click('#section-antibodies button.add');
    await page.keyboard.type('anti-Hu');
    await page.click('#section-labs button.add');
    await page.keyboard.type('sodium');
    await page.locator('#section-labs .row input[id$="-value"]').fill('low');
    await waitText(page, '#section-labs .row-extra', 'Reference 135–145 mmol/L');
    await waitText(page, '#top-syndrome', 'Paraneoplastic limbic encephalitis');
    await waitText(page, '#pns-care-level', 'probable');
    expect(await text(page, '#summary')).toMatch(/A paraneoplastic syndrome is likely/);
    const dates = await page.locator('#tumours .due-date').allInnerTexts();
    expect(dates[0]).toBe('2013-04-01'); // EFNS: repeat a negative search after 3–6 months
    expect(await text(page, '#tumours')).toContain('Small-cell lung cancer');
    // Each conclusion names its input: the anti-Hu evidence links back to the antibody row.
    expect(await text(page, '#syndrome-limbic-encephalitis')).toContain('from antibody 1');
    // Each citation shows its label and links to its source.
    const cite = page.locator('#syndrome-limbic-encephalitis a.cite').first();
    expect(await cite.textContent()).toMatch(/^[A-Z][^()]+ \d{4}/);
    expect(await cite.getAttribute('href')).toMatch(/^https:\/\/(pubmed\.ncbi\.nlm\.nih\.gov|doi\.org)\//);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shotsDir, 'entry.png') });
    await page.setViewportSize({ width: 1400, height: 2400 });
    await page.locator('#report').screenshot({ path: join(shotsDir, 'report.png') });
    await page.close();
  }, 120_000);

  it('reads a pasted note into chips that are accepted, flipped to absent, or discarded, with the rest shown', async () => {
    const page = await open(
      linkFor({ asOf: '2026-01-15', patient: { age: 62, sex: 'male', smoking: 'current' } }),
    );
    await page.fill(
      '#note-text',
      'Three weeks of memory loss and seizures. No fever. Possible encephalitis on MRI. Wobbly feeling in the zorbs.',
    );
    await page.click('#note-read');
    await waitText(page, '#note-chips', 'Memory impairment');
    expect(await text(page, '#note-unrecognised')).toMatch(
      /Possible encephalitis on MRI — uncertain finding/,
    );
    expect(await text(page, '#note-unrecognised')).toContain('Wobbly feeling in the zorbs');
    // Fever was read as absent; flip Seizures to absent, discard nothing else, then accept each.
    const seizures = page.locator('#note-chips li', { hasText: 'Seizures' });
    await seizures.locator('select').selectOption('absent');
    await page.locator('#note-chips li', { hasText: 'Fever' }).locator('button.remove').click();
    await page.click('#note-accept-all');
    await waitText(page, '#finding-chips', 'Seizures');
    const chips = await page
      .locator('#finding-chips li')
      .evaluateAll((els) =>
        els.map((e) => `${e.querySelector('.chip-label')?.textContent}:${e.querySelector('select')?.value}`),
      );
    expect(chips).toEqual(['Memory impairment:present', 'Seizures:absent']);
    await waitText(page, '#inputs', 'Memory impairment present');
    expect(await text(page, '#inputs')).not.toContain('Fever');
    await page.close();
  }, 120_000);

  it('shows an impossible age and a unit that does not fit the lab next to their fields, keeping what was typed', async () => {
    const page = await open(linkFor({ asOf: '2026-01-15', patient: { age: 60, sex: 'female' } }));
    await waitText(page, '#status', 'Updated');
    await page.fill('#patient-age', '250');
    await page.click('#section-labs button.add');
    await page.keyboard.type('sodium');
    const row = page.locator('#section-labs .row').first();
    await row.locator('input[id$="-value"]').fill('130');
    await row.locator('input[id$="-unit"]').fill('mg');
    await waitText(page, '#patient-age-error', 'age above 120 years is not plausible');
    await waitText(page, '#section-labs .row .field:nth-child(3) .error', 'cannot be converted to mmol/L');
    expect(await page.inputValue('#patient-age')).toBe('250');
    expect(await row.locator('input[id$="-unit"]').inputValue()).toBe('mg');
    expect(await page.getAttribute('#patient-age', 'aria-invalid')).toBe('true');
    expect(await text(page, '#status')).toMatch(/Not updated: 2 problem/);
    // Fixing both clears the errors and updates the report.
    await page.fill('#patient-age', '60');
    await row.locator('input[id$="-unit"]').fill('mmol/L');
    await page.waitForFunction(() => document.querySelector('#patient-age-error')?.textContent === '');
    expect(await page.getAttribute('#patient-age', 'aria-invalid')).toBeNull();
    await page.fill('#patient-age', 'sixty');
    await waitText(page, '#patient-age-error', '"sixty" is not a number');
    await page.close();
  }, 120_000);

  it('shows a never-take remedy first in the treatment section, in red, and flags it in the summary', async () => {
    const c = { ...example('00-issue-sample.json'), remedies: [{ name: 'vitamin C' }, { name: 'hemlock' }] };
    const page = await open(linkFor(c));
    await waitText(page, '#dangers', 'NEVER TAKE');
    const first = page.locator('#treatment h2 + *');
    expect(await first.getAttribute('id')).toBe('dangers');
    const firstDanger = page.locator('#dangers li').first();
    expect(await firstDanger.textContent()).toMatch(/^NEVER TAKE: Hemlock/);
    const colour = await firstDanger.locator('.verdict-word').evaluate((e) => getComputedStyle(e).color);
    expect(colour).toBe('rgb(165, 14, 14)');
    const dangers = await page.locator('#dangers > ul > li').count();
    expect(dangers).toBeGreaterThan(1);
    expect(await text(page, '.danger-banner')).toContain(`Safety: ${dangers} dangers`);
    await page.close();
  }, 120_000);

  it('renders a print view without the form, and a PDF', async () => {
    const page = await open(linkFor(example('00-issue-sample.json')));
    await waitText(page, '#top-syndrome', 'limbic encephalitis');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#entry').isVisible()).toBe(false);
    expect(await page.locator('#summary').isVisible()).toBe(true);
    expect(await page.locator('.disclaimer').textContent()).toContain('Decision support, not a diagnosis');
    await page.screenshot({ path: join(shotsDir, 'print.png'), fullPage: false });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.close();
  }, 120_000);

  it('has no serious or critical axe-core violation, on the desktop and at phone width', async () => {
    const axe = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const c = { ...example('00-issue-sample.json'), remedies: [{ name: 'hemlock' }] };
    for (const viewport of [
      { width: 1400, height: 1000 },
      { width: 390, height: 844 },
    ]) {
      // axe is injected by the test, so only this context bypasses the page's same-origin CSP.
      const context = await hn.browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${hn.url}${linkFor(c)}`);
      await waitText(page, '#top-syndrome', 'limbic encephalitis');
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as {
            axe: {
              run: (
                ctx: Document,
                o: object,
              ) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }>;
            };
          }
        ).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      if (viewport.width < 500) {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        await page.screenshot({ path: join(shotsDir, 'phone.png') });
      }
      await context.close();
    }
  }, 180_000);

  it('can be used from the keyboard alone: skip link, form order, autocomplete with arrows and Enter', async () => {
    const page = await open(linkFor({ asOf: '2026-01-15', patient: { age: 45, sex: 'female' } }));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the assessment');
    const order: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    const at = (id: string) => order.indexOf(id);
    expect(at('patient-age')).toBeGreaterThan(at('case-asOf'));
    expect(at('finding-search')).toBeGreaterThan(at('patient-age'));
    await page.focus('#finding-search');
    await page.keyboard.type('seizure');
    await page.waitForSelector('#finding-option-1');
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#finding-search', 'aria-activedescendant')).toBe('finding-option-1');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await waitText(page, '#finding-chips', 'Seizures');
    await page.close();
  }, 120_000);

  it('loads a FHIR Bundle file into the form and assesses it, listing what it could not use', async () => {
    const page = await open();
    await page.fill('#case-asOf', '2013-01-01');
    await page.setInputFiles(
      '#load-file',
      join(repoRoot, 'web', 'e2e', '__fixtures__', 'said-2013-anti-hu-limbic-encephalitis.bundle.json'),
    );
    await waitText(page, '#load-status', 'Loaded the FHIR file');
    await waitText(page, '#top-syndrome', 'Paraneoplastic limbic encephalitis');
    expect(await page.inputValue('#patient-age')).toBe('59');
    expect(await page.inputValue('#patient-sex')).toBe('female');
    await waitText(page, '#finding-chips', 'Memory impairment');
    expect(await page.locator('#finding-chips li').count()).toBe(5);
    expect(await text(page, '#unrecognised')).toContain('99999-9');
    await page.close();
  }, 120_000);

  it('made no request outside the server', () => {
    expect(external).toEqual([]);
  });
});
