// "tilint: Check this Word or PowerPoint file" (explorer context menu on .docx/.pptx,
// and also on .odt/.odp/.pdf and the flat .fodt/.fodp; and the command palette): runs the CLI of the server's installation on the file and
// shows its HTML report (findings with paragraph and slide locations) in a webview that
// loads nothing and runs nothing. The language server only sees text documents, so a
// .docx or .pptx otherwise shows nothing in VS Code.

import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

import type { Controller } from './client';
import { checkCommand, isOfficeFile, OFFICE_EXTENSIONS, withStrictCsp } from './report';

export const CHECK_DOCUMENT_COMMAND = 'tilint.checkDocument';
const TIMEOUT_MS = 300_000;

function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout: TIMEOUT_MS, windowsHide: true, maxBuffer: 1 << 20 }, (error, _stdout, stderr) => {
      if (error === null) {
        resolve();
        return;
      }
      const lines = String(stderr).trim().split(/\r?\n/).filter((line) => line !== '');
      reject(new Error(lines[lines.length - 1] ?? error.message));
    });
  });
}

async function pickDocument(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Check with tilint',
    filters: { 'Word, PowerPoint, OpenDocument and PDF': OFFICE_EXTENSIONS.map((ext) => ext.slice(1)) },
  });
  return picked?.[0];
}

export async function checkDocument(controller: Controller, log: vscode.LogOutputChannel, uri?: unknown): Promise<void> {
  const target = uri instanceof vscode.Uri ? uri : await pickDocument();
  if (target === undefined) {
    return;
  }
  const name = path.basename(target.fsPath);
  if (target.scheme !== 'file' || !isOfficeFile(target.fsPath)) {
    void vscode.window.showErrorMessage(`tilint: ${name} is not a Word, PowerPoint, OpenDocument or PDF file on this machine.`);
    return;
  }
  await controller.ensureStarted(); // finds this installation's CLI
  const cli = controller.cli;
  if (cli === undefined) {
    void vscode.window.showErrorMessage('tilint: the server is not running; see the tilint log, fix the setting and run "tilint: Restart the server".');
    return;
  }
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'tilint-report-'));
  const output = path.join(folder, 'report.html');
  try {
    const { program, args } = checkCommand(cli, target.fsPath, output);
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `tilint: checking ${name}` },
      () => run(program, args),
    );
    const html = await fs.readFile(output, 'utf8');
    const panel = vscode.window.createWebviewPanel(
      'tilint.report',
      `tilint: ${name}`,
      vscode.ViewColumn.Active,
      { enableScripts: false, enableForms: false, localResourceRoots: [] },
    );
    panel.webview.html = withStrictCsp(html);
    log.info(`checked ${name}: report shown`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`check ${name}: ${message}`);
    void vscode.window.showErrorMessage(`tilint: cannot check ${name}: ${message}`);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}
