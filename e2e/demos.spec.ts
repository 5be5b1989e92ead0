/**
 * The demo gallery and its narratives (PLAYGROUND.md part 8): the `Demos` list with one
 * card per demo; every demo run to the end with Run all showing, for each trace, the
 * same final peek as its reviewed expected.jsonl; Next step following the narrative;
 * "predict, then tick" marking a right and a wrong prediction; opening a demo over the
 * user's own work asks first. Screenshots: gallery (light, dark), narrative, predict.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Playground } from './pages.js';
import type { Event } from './pages.js';

const DEMO_NAMES = readdirSync('demos', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

interface DemoJson {
  readonly title: string;
  readonly steps: readonly { line: number; say: string }[];
  readonly expectErrors?: readonly number[];
}

const demoJson = (name: string): DemoJson =>
  JSON.parse(readFileSync(`demos/${name}/demo.json`, 'utf8')) as DemoJson;

/** The last peek of each (trace, key) among `events`. */
function lastPeeks(events: readonly Event[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of events) if (e.event === 'peek') out[`${String(e.trace)} ${JSON.stringify(e.key)}`] = e.rows;
  return out;
}

test('the gallery lists every demo with its title, summary and difficulty @smoke', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.button('Demos').click();
  const list = page.getByRole('list', { name: 'Demos' });
  await expect(list.getByRole('listitem')).toHaveCount(DEMO_NAMES.length);
  const names = await list
    .locator('[data-demo]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-demo')));
  expect([...names].sort()).toEqual(DEMO_NAMES);
  expect(names[0]).toBe('reach');
  const card = list.locator('[data-demo="k-core"]');
  await expect(card).toContainText(demoJson('k-core').title);
  await expect(card).toContainText('intermediate');
  await page.screenshot({ path: 'e2e/screenshots/gallery-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'e2e/screenshots/gallery-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // The default workspace is nobody's work: the demo opens without asking.
  await card.getByRole('button').click();
  await expect(app.narrative).toContainText(demoJson('k-core').title);
  expect(await app.fileNames()).toContain('session.txt');
  expect(app.consoleErrors).toEqual([]);
});

for (const name of DEMO_NAMES) {
  test(`demo ${name} runs to the end with the results its narrative promises`, async ({ page }) => {
    const app = new Playground(page);
    await app.open(`/#demo=${name}`);
    await expect(app.narrative).toBeVisible();
    await app.narrative.getByRole('button', { name: 'Run all' }).click();
    await expect(app.narrative).toContainText('Run all ran the whole script', { timeout: 30_000 });
    await app.idle();
    const events = await app.events();
    const expected = readFileSync(`demos/${name}/expected.jsonl`, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Event);
    expect(lastPeeks(events)).toEqual(lastPeeks(expected));
    const errors = events.filter((e) => e.event === 'error').map((e) => e.line);
    expect(errors).toEqual([...(demoJson(name).expectErrors ?? [])]);
    const ticks = expected.filter((e) => e.event === 'tick').length;
    await expect(app.epoch).toHaveText(String(ticks));
    expect(app.consoleErrors).toEqual([]);
  });
}

test('Next step follows the narrative, and predict-then-tick marks a right and a wrong prediction', async ({
  page,
}) => {
  const app = new Playground(page);
  const meta = demoJson('reach');
  await app.open('/#demo=reach');
  const say = app.narrative.locator('.narrative-say');
  const next = app.narrative.getByRole('button', { name: /^(Next step|Tick and check)$/ });

  await next.click();
  await expect(say).toHaveText(meta.steps[0]?.say ?? '');
  await next.click(); // line 4: the first feed
  await expect(say).toHaveText(meta.steps[1]?.say ?? '');
  await next.click(); // line 11: the feeds in between run silently, then the tick
  await expect(say).toHaveText(meta.steps[2]?.say ?? '');
  await expect(app.epoch).toHaveText('1');
  await app.idle();
  await page.screenshot({ path: 'e2e/screenshots/narrative.png' });
  await next.click(); // peek
  await next.click(); // the retraction, line 15: the next command asks for a prediction

  const question = app.narrative.getByRole('group', { name: 'Predict the next tick' });
  await expect(question).toContainText('Which towns does "reachable" lose?');
  await expect(next).toHaveText('Tick and check');
  await question.getByRole('textbox').fill('3 _ -1\n5 _ -1');
  await expect(question).toContainText('2 changes to "reachable" predicted');
  await app.idle();
  await page.screenshot({ path: 'e2e/screenshots/predict.png' });
  await next.click();

  const results = app.narrative.getByRole('group', { name: 'Prediction results' });
  await expect(results.locator('[data-verdict="right"]')).toHaveCount(1);
  await expect(results.locator('[data-verdict="right"]')).toHaveAttribute('data-change', '[[3],[],-1]');
  await expect(results.locator('[data-verdict="wrong"]')).toHaveCount(1);
  await expect(results.locator('[data-verdict="wrong"]')).toHaveAttribute('data-change', '[[5],[],-1]');
  await expect(results.locator('[data-verdict="missed"]')).toHaveCount(0);
  await expect(say).toHaveText(meta.steps[5]?.say ?? '');
  await app.idle();
  await page.screenshot({ path: 'e2e/screenshots/predict-marked.png' });

  // The next question, answered exactly right in JSON.
  await next.click();
  await expect(question).toContainText('Now the road 6 -> 4 closes as well.');
  await question.getByRole('textbox').fill('[[[4],[],-1],[[5],[],-1]]');
  await next.click();
  await expect(results.locator('[data-verdict="right"]')).toHaveCount(2);
  await expect(results).toContainText('Exactly right');
  expect(app.consoleErrors).toEqual([]);
});

test('opening a demo over your own work asks first', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await expect(app.epoch).toHaveText('2', { timeout: 15_000 });
  await app.newFile('mine.ddp');
  await app.button('Demos').click();
  await page.getByRole('list', { name: 'Demos' }).locator('[data-demo="peek"]').getByRole('button').click();
  const ask = page.getByRole('dialog', { name: /Open ".*"\?/ });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  expect(await app.fileNames()).toContain('mine.ddp');
  await page.getByRole('list', { name: 'Demos' }).locator('[data-demo="peek"]').getByRole('button').click();
  await page
    .getByRole('dialog', { name: /Open ".*"\?/ })
    .getByRole('button', { name: 'Replace my files' })
    .click();
  await expect(app.narrative).toBeVisible();
  expect(await app.fileNames()).not.toContain('mine.ddp');
});
