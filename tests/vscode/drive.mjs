// Drives code-server in headless Chromium as a person would: open a note, see the
// squiggle, read the Problems panel, explain the rule, apply the quick fix, save.
// Run by tests/vscode/test_code_server.py: node drive.mjs CONFIG.json
// CONFIG: {url, folder, file, otherFile, officeFile, missingFolder, profile, screenshot,
//          result, chromium, severity, timeoutMs}
// Writes RESULT (JSON) with what it saw at each step; exits non-zero on failure,
// after a screenshot of the failing state (SCREENSHOT with "-failure" added).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const timeout = config.timeoutMs ?? 120_000;
const result = { steps: [], console: [] };
const started = Date.now();

function step(name, data = {}) {
  const entry = { name, seconds: (Date.now() - started) / 1000, ...data };
  result.steps.push(entry);
  console.log(`[${entry.seconds.toFixed(1)} s] ${name}${Object.keys(data).length ? ' ' + JSON.stringify(data) : ''}`);
}

function save() {
  result.seconds = (Date.now() - started) / 1000;
  writeFileSync(config.result, JSON.stringify(result, null, 2));
}

const context = await chromium.launchPersistentContext(config.profile, {
  executablePath: config.chromium,
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(timeout);
page.on('console', (message) => {
  if (message.type() === 'error' && result.console.length < 50) {
    result.console.push(message.text().slice(0, 500));
  }
});

const editor = page.locator('.editor-group-container .monaco-editor').first();
const squiggle = `.monaco-editor .squiggly-${config.severity ?? 'warning'}`;

async function editorText() {
  return (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
}

/**
 * Put the cursor inside the first squiggle, by clicking the middle of its decoration.
 * Decorations are redrawn whenever the server republishes: retry until one holds still.
 */
async function clickSquiggle(kind = squiggle) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const first = page.locator(kind).first();
    await first.waitFor({ state: 'visible' });
    const box = await first.boundingBox().catch(() => null);
    if (box !== null && box.width > 0) {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 - 6);
      return;
    }
    if (Date.now() > deadline) throw new Error(`no stable ${kind} to click`);
    await page.waitForTimeout(200);
  }
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

try {
  await page.goto(`${config.url}/?folder=${encodeURIComponent(config.folder)}`);
  await page.locator('.monaco-workbench').waitFor();
  step('workbench loaded');

  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: config.file }).first();
  await row.waitFor();
  await row.dblclick();
  await editor.waitFor();
  await page.waitForFunction(() => document.querySelector('.editor-group-container .monaco-editor .view-lines')?.textContent?.includes('refused'));
  step('note opened', { text: await editorText() });

  await page.locator(squiggle).first().waitFor({ state: 'visible' });
  step('squiggle shown', { squiggles: await page.locator(squiggle).count() });

  await page.keyboard.press('Control+Shift+M');
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'TI102' }).first();
  await problem.waitFor();
  const problems = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  result.problems = problems.map((t) => t.replace(/\s+/g, ' ').trim());
  step('Problems panel lists the finding', { problems: result.problems });

  // The extension's own command: the explanation opens in a Markdown preview beside.
  await clickSquiggle();
  await runCommand('tilint: Explain the rule under the cursor');
  const previewTab = page.locator('.tabs-container .tab', { hasText: 'TI102' }).first();
  await previewTab.waitFor();
  result.explainTab = (await previewTab.innerText()).trim();
  step('rule explained', { tab: result.explainTab });

  // Back to the note: Ctrl+. on the squiggle offers the fixes; Enter takes the first.
  await clickSquiggle();
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  await menu.waitFor({ state: 'visible' });
  result.actions = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.trim());
  step('quick fixes offered', { actions: result.actions });
  await page.screenshot({ path: config.screenshot });
  step('screenshot saved', { path: config.screenshot });
  await page.keyboard.press('Enter');

  await page.waitForFunction(() => {
    const text = document.querySelector('.editor-group-container .monaco-editor .view-lines')?.textContent ?? '';
    return text.includes('declined') && !text.includes('refused');
  });
  result.textAfter = await editorText();
  step('quick fix applied', { text: result.textAfter });

  await page.locator(squiggle).first().waitFor({ state: 'detached' });
  step('squiggle gone after the fix');

  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached' });
  step('saved');

  // Settings reach the server: undo the fix, then make TI102 an error in the workspace.
  await page.keyboard.press('Control+Z');
  await page.locator(squiggle).first().waitFor({ state: 'visible' });
  const settingsFile = join(config.folder, '.vscode', 'settings.json');
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
  writeFileSync(settingsFile, JSON.stringify({ ...settings, 'tilint.severity': { TI102: 'error' } }, null, 2));
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'visible' });
  step('tilint.severity applied without a restart');

  // Lint the workspace: the other file's finding joins the Problems panel unopened.
  await runCommand('tilint: Check all Markdown and text files in the workspace');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'TI101' }).first().waitFor();
  result.workspaceProblems = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) =>
    t.replace(/\s+/g, ' ').trim(),
  );
  step('workspace checked', { problems: result.workspaceProblems });

  // A Word file: the Explorer's context menu runs the check and opens the HTML report.
  if (config.officeFile) {
    const officeRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: config.officeFile }).first();
    await officeRow.click({ button: 'right' });
    const item = page.locator('.monaco-menu .action-item', { hasText: 'Check this Word or PowerPoint file' }).first();
    await item.waitFor({ state: 'visible' });
    await item.hover();
    await page.keyboard.press('Enter');
    const reportTab = page.locator('.tabs-container .tab', { hasText: `tilint: ${config.officeFile}` }).first();
    await reportTab.waitFor();
    result.officeTab = (await reportTab.innerText()).trim();
    const body = page.frameLocator('iframe.webview').last().frameLocator('iframe').first().locator('body');
    await body.getByText('refused').first().waitFor();
    result.officeReport = (await body.innerText()).replace(/\s+/g, ' ').trim().slice(0, 4000);
    step('Word file checked from the Explorer', { tab: result.officeTab });
  }

  await runCommand('tilint: Restart the server');
  await page.locator('.notifications-toasts', { hasText: 'server restarted' }).first().waitFor();
  step('server restarted');

  // A window whose tilint.interpreter cannot import the server: a clear error with remedies.
  await page.goto(`${config.url}/?folder=${encodeURIComponent(config.missingFolder)}`);
  await page.locator('.monaco-workbench').waitFor();
  const missingRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: config.file }).first();
  await missingRow.waitFor();
  await missingRow.dblclick();
  const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'no Python environment with tilint' }).first();
  await toast.waitFor();
  result.notFound = (await toast.innerText()).replace(/\s+/g, ' ').trim();
  step('missing server reported', { message: result.notFound });
  result.ok = true;
} catch (error) {
  result.ok = false;
  result.error = String(error?.stack ?? error);
  console.error(result.error);
  try {
    await page.screenshot({ path: config.screenshot.replace(/\.png$/, '-failure.png') });
  } catch {
    // the page may be gone
  }
} finally {
  save();
  await context.close();
}
process.exit(result.ok ? 0 : 1);
