// "Explain the rule under the cursor": the rule code comes from the tilint diagnostic
// at the cursor; its Markdown comes from the server, in this order:
//   1. workspace/executeCommand "tilint.explain" [code], when the server lists it;
//   2. the server's hover at the diagnostic (the same text, rendered from the lexicon);
//   3. the CLI of the same installation: `tilint explain --format markdown CODE`.
// The Markdown is shown in VS Code's Markdown preview of a read-only virtual document.

import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { HoverRequest, type Hover, type MarkedString, type MarkupContent } from 'vscode-languageclient/node';

import type { Controller } from './client';

export const EXPLAIN_COMMAND = 'tilint.explain';
const SCHEME = 'tilint-explain';

export class ExplainDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  public readonly onDidChange = this.changed.event;

  public provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  public async show(code: string, markdown: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${code.replace(/[^\w.-]/g, '_')}.md` });
    this.texts.set(uri.toString(), markdown);
    this.changed.fire(uri);
    try {
      // Locked: an unlocked preview follows the active editor and would show the note instead.
      await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
    } catch {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(document, 'markdown'), {
        viewColumn: vscode.ViewColumn.Beside,
        preview: true,
      });
    }
  }

  public dispose(): void {
    this.changed.dispose();
  }

  public static register(documents: ExplainDocuments): vscode.Disposable {
    return vscode.workspace.registerTextDocumentContentProvider(SCHEME, documents);
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) {
    return undefined;
  }
  return String(typeof code === 'object' ? code.value : code);
}

/** tilint diagnostics at the cursor, nearest first. */
function diagnosticsAt(editor: vscode.TextEditor): vscode.Diagnostic[] {
  const position = editor.selection.active;
  return vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === 'tilint' && codeOf(d) !== undefined && d.range.contains(position));
}

async function pickCode(editor: vscode.TextEditor | undefined): Promise<{ code: string; diagnostic?: vscode.Diagnostic } | undefined> {
  const here = editor !== undefined ? diagnosticsAt(editor) : [];
  if (here.length === 1) {
    return { code: codeOf(here[0] as vscode.Diagnostic) as string, diagnostic: here[0] as vscode.Diagnostic };
  }
  if (here.length > 1) {
    const picked = await vscode.window.showQuickPick(
      here.map((d) => ({ label: codeOf(d) as string, description: d.message, diagnostic: d })),
      { placeHolder: 'Which finding?' },
    );
    return picked !== undefined ? { code: picked.label, diagnostic: picked.diagnostic } : undefined;
  }
  const typed = await vscode.window.showInputBox({
    prompt: 'No tilint finding at the cursor. Which rule? (a code such as TI102, or a name such as non-compliant)',
    placeHolder: 'TI102',
  });
  return typed !== undefined && typed.trim() !== '' ? { code: typed.trim() } : undefined;
}

function hoverMarkdown(hover: Hover | null): string | undefined {
  if (hover === null) {
    return undefined;
  }
  const one = (part: MarkupContent | MarkedString): string =>
    typeof part === 'string' ? part : 'kind' in part ? part.value : `\`\`\`${part.language}\n${part.value}\n\`\`\``;
  const parts = Array.isArray(hover.contents) ? hover.contents.map(one) : [one(hover.contents)];
  const text = parts.join('\n\n---\n\n').trim();
  return text !== '' ? text : undefined;
}

/** Markdown returned by the server's tilint.explain: a string, or {markdown|value: string}. */
function resultMarkdown(result: unknown): string | undefined {
  if (typeof result === 'string') {
    return result;
  }
  if (typeof result === 'object' && result !== null) {
    for (const key of ['markdown', 'value', 'contents']) {
      const value = (result as Record<string, unknown>)[key];
      if (typeof value === 'string') {
        return value;
      }
    }
  }
  return undefined;
}

function runCli(cli: readonly string[], code: string): Promise<string> {
  const [program, ...rest] = cli;
  if (program === undefined) {
    return Promise.reject(new Error('no tilint command'));
  }
  return new Promise((resolve, reject) => {
    execFile(program, [...rest, 'explain', '--format', 'markdown', code], { timeout: 60_000, windowsHide: true }, (error, stdout, stderr) => {
      if (error !== null) {
        reject(new Error(String(stderr).trim() || error.message));
      } else {
        resolve(String(stdout));
      }
    });
  });
}

export async function explainMarkdown(
  controller: Controller,
  code: string,
  at: { document: vscode.TextDocument; diagnostic: vscode.Diagnostic } | undefined,
  log: vscode.LogOutputChannel,
): Promise<string> {
  const client = await controller.ensureStarted();
  if (client !== undefined && controller.serverHas(EXPLAIN_COMMAND)) {
    const markdown = resultMarkdown(await controller.executeCommand(EXPLAIN_COMMAND, [code]));
    if (markdown !== undefined) {
      return markdown;
    }
    log.warn(`${EXPLAIN_COMMAND} ${code} returned no Markdown; trying the hover`);
  }
  if (client !== undefined && at !== undefined) {
    const params = client.code2ProtocolConverter.asTextDocumentPositionParams(at.document, at.diagnostic.range.start);
    const markdown = hoverMarkdown(await client.sendRequest(HoverRequest.type, params));
    if (markdown !== undefined) {
      return markdown;
    }
  }
  const cli = controller.cli;
  if (cli === undefined) {
    throw new Error('the tilint server is not running: see the tilint log');
  }
  return runCli(cli, code);
}

export async function explainRuleCommand(controller: Controller, documents: ExplainDocuments, log: vscode.LogOutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const picked = await pickCode(editor);
  if (picked === undefined) {
    return;
  }
  const at = editor !== undefined && picked.diagnostic !== undefined ? { document: editor.document, diagnostic: picked.diagnostic } : undefined;
  await explainCode(controller, documents, log, picked.code, at);
}

export async function explainCode(
  controller: Controller,
  documents: ExplainDocuments,
  log: vscode.LogOutputChannel,
  code: string,
  at?: { document: vscode.TextDocument; diagnostic: vscode.Diagnostic },
): Promise<void> {
  try {
    await documents.show(code, await explainMarkdown(controller, code, at, log));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`explain ${code}: ${message}`);
    void vscode.window.showErrorMessage(`tilint: cannot explain ${code}: ${message}`);
  }
}
