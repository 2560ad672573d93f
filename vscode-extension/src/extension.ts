// tilint for VS Code: a thin client for tilint's language server (lsp_server).
// Everything runs locally; the extension sends nothing anywhere.

import * as vscode from 'vscode';

import { Controller } from './client';
import { EXPLAIN_COMMAND, ExplainDocuments, explainCode, explainRuleCommand } from './explain';
import { CHECK_DOCUMENT_COMMAND, checkDocument } from './office';
import { onInterpreterChange } from './python';
import { commandSetting, RESTART_KEYS, SECTION } from './settings';

export const LINT_WORKSPACE_COMMAND = 'tilint.lintWorkspace';
const WORKSPACE_GLOB = '**/*.{md,markdown,txt}';
const WORKSPACE_EXCLUDE = '**/{node_modules,.git,.hg,.venv,venv,.tox,site-packages}/**';
const WORKSPACE_LIMIT = 2000;

let controller: Controller | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('tilint', { log: true });
  const ctl = new Controller(context.extension.packageJSON, log);
  controller = ctl;
  const documents = new ExplainDocuments();
  context.subscriptions.push(log, documents, ExplainDocuments.register(documents));

  context.subscriptions.push(
    vscode.commands.registerCommand('tilint.restart', async () => {
      const client = await ctl.restart();
      if (client !== undefined) {
        void vscode.window.showInformationMessage('tilint: server restarted.');
      }
    }),
    vscode.commands.registerCommand('tilint.showOutput', () => log.show()),
    vscode.commands.registerCommand('tilint.explainRule', () => explainRuleCommand(ctl, documents, log)),
    // The server's own command name; code actions from the server may carry it.
    vscode.commands.registerCommand(EXPLAIN_COMMAND, (code?: unknown) =>
      typeof code === 'string' ? explainCode(ctl, documents, log, code) : explainRuleCommand(ctl, documents, log),
    ),
    vscode.commands.registerCommand(LINT_WORKSPACE_COMMAND, () => lintWorkspace(ctl, log)),
    // From the explorer's context menu VS Code passes the file's URI; from the palette, nothing.
    vscode.commands.registerCommand(CHECK_DOCUMENT_COMMAND, (uri?: unknown) => checkDocument(ctl, log, uri)),
  );

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION)) {
        return;
      }
      if (RESTART_KEYS.some((key) => event.affectsConfiguration(`${SECTION}.${key}`))) {
        void ctl.restart();
      } else {
        ctl.settingsChanged();
      }
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (ctl.wants(document)) {
        void ctl.ensureStarted();
      }
    }),
  );

  void onInterpreterChange(() => {
    // Only matters when no explicit setting chose the server.
    if (commandSetting('interpreter', undefined).length === 0 && commandSetting('path', undefined).length === 0) {
      void ctl.restart();
    }
  }).then((disposable) => {
    if (disposable !== undefined) {
      context.subscriptions.push(disposable);
    }
  });

  // Start only when there is something to check: the model load is not free.
  if (vscode.workspace.textDocuments.some((document) => ctl.wants(document))) {
    await ctl.ensureStarted();
  }
}

export async function deactivate(): Promise<void> {
  const ctl = controller;
  controller = undefined;
  await ctl?.dispose();
}

/**
 * Diagnostics for every Markdown and text file in the workspace: each file is opened in
 * the background, which the server checks like any opened document (its diagnostics
 * then follow edits, saves and config changes as for any other).
 */
async function lintWorkspace(ctl: Controller, log: vscode.LogOutputChannel): Promise<void> {
  const client = await ctl.ensureStarted();
  if (client === undefined) {
    void vscode.window.showErrorMessage('tilint: the server is not running; see the tilint log, fix the setting and run "tilint: Restart the server".');
    return;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'tilint: checking the workspace', cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles(WORKSPACE_GLOB, WORKSPACE_EXCLUDE, WORKSPACE_LIMIT, token);
      if (files.length === WORKSPACE_LIMIT) {
        log.warn(`tilint.lintWorkspace: only the first ${WORKSPACE_LIMIT} files are checked`);
      }
      let done = 0;
      for (const uri of files) {
        if (token.isCancellationRequested) {
          break;
        }
        try {
          await vscode.workspace.openTextDocument(uri);
        } catch (error) {
          log.warn(`cannot open ${uri.fsPath}: ${String(error)}`);
        }
        done += 1;
        progress.report({ message: `${done} of ${files.length}`, increment: 100 / Math.max(files.length, 1) });
      }
    },
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}
