// One language client for the window: started when the first checked document is
// open (or a command needs it), restarted when the way to run it changes.

import * as readline from 'node:readline';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  type ClientCapabilities,
  type DynamicFeature,
  type Executable,
  type FeatureState,
  type InitializeParams,
  type LanguageClientOptions,
  type ServerCapabilities,
  type StaticFeature,
} from 'vscode-languageclient/node';

import { findServer, INSTALL_HINT, type ServerCommand } from './find';
import { forwardedKeys, languages, SECTION, serverSettings } from './settings';

/**
 * vscode-languageclient turns every command the server lists in executeCommandProvider
 * into a VS Code command of the same name, which would collide with the extension's own
 * `tilint.explain` (it shows the server's answer in a preview). This client leaves that
 * feature out; ServerCommands below records the list and registers pass-throughs only
 * for names nobody else owns.
 */
class TilintLanguageClient extends LanguageClient {
  public override registerFeature(feature: StaticFeature | DynamicFeature<unknown>): void {
    if ('registrationType' in feature && feature.registrationType.method === ExecuteCommandRequest.method) {
      return;
    }
    super.registerFeature(feature);
  }
}

class ServerCommands implements StaticFeature {
  public readonly names = new Set<string>();
  private registered: vscode.Disposable[] = [];

  public constructor(private readonly send: (command: string, args: unknown[]) => Promise<unknown>) {}

  public getState(): FeatureState {
    return { kind: 'static' };
  }

  public fillInitializeParams(_params: InitializeParams): void {}

  public fillClientCapabilities(capabilities: ClientCapabilities): void {
    capabilities.workspace = capabilities.workspace ?? {};
    capabilities.workspace.executeCommand = { dynamicRegistration: false };
  }

  public preInitialize(): void {}

  public initialize(capabilities: ServerCapabilities): void {
    this.clear();
    for (const name of capabilities.executeCommandProvider?.commands ?? []) {
      this.names.add(name);
    }
    void vscode.commands.getCommands(true).then((existing) => {
      const taken = new Set(existing);
      for (const name of this.names) {
        if (!taken.has(name)) {
          this.registered.push(vscode.commands.registerCommand(name, (...args: unknown[]) => this.send(name, args)));
        }
      }
    });
  }

  public clear(): void {
    this.names.clear();
    this.registered.forEach((d) => d.dispose());
    this.registered = [];
  }
}

export class Controller implements vscode.Disposable {
  private client: TilintLanguageClient | undefined;
  private commands: ServerCommands | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private server: ServerCommand | undefined;
  /** The last start failed; no new attempt until a restart or a settings change. */
  private failed = false;
  private readonly keys: string[];
  private readonly status: vscode.LanguageStatusItem;

  public constructor(
    packageJSON: unknown,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.keys = forwardedKeys(packageJSON);
    this.status = vscode.languages.createLanguageStatusItem('tilint.status', this.selector());
    this.status.name = 'tilint';
    this.status.text = 'tilint';
    this.status.command = { title: 'Show log', command: 'tilint.showOutput' };
  }

  /** The command that runs this installation's CLI, once a server has been found. */
  public get cli(): readonly string[] | undefined {
    return this.server?.cli;
  }

  public get running(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  public serverHas(command: string): boolean {
    return this.commands?.names.has(command) ?? false;
  }

  public selector(): { scheme: string; language: string }[] {
    return languages().flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]);
  }

  public wants(document: vscode.TextDocument): boolean {
    return vscode.languages.match(this.selector(), document) > 0;
  }

  /** Start if not started; resolves to the running client, or undefined when it cannot run. */
  public ensureStarted(): Promise<LanguageClient | undefined> {
    return this.serialised(async () => this.client ?? (this.failed ? undefined : await this.start()));
  }

  public restart(): Promise<LanguageClient | undefined> {
    return this.serialised(async () => {
      await this.stop();
      return this.start();
    });
  }

  public async executeCommand(command: string, args: unknown[]): Promise<unknown> {
    const client = await this.ensureStarted();
    if (client === undefined) {
      throw new Error('the tilint server is not running');
    }
    return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  public settingsChanged(): void {
    const client = this.running;
    if (client !== undefined) {
      void client.sendNotification(DidChangeConfigurationNotification.type, {
        settings: serverSettings(this.keys, undefined),
      });
    }
  }

  public async dispose(): Promise<void> {
    await this.serialised(() => this.stop());
    this.status.dispose();
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.commands?.clear();
    this.commands = undefined;
    if (client !== undefined) {
      try {
        await client.dispose(5000);
      } catch (error) {
        this.log.warn(`stopping the server: ${String(error)}`);
      }
    }
  }

  private async start(): Promise<TilintLanguageClient | undefined> {
    const client = await this.tryStart();
    this.failed = client === undefined;
    return client;
  }

  private async tryStart(): Promise<TilintLanguageClient | undefined> {
    const resource = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    this.status.selector = this.selector();
    this.status.severity = vscode.LanguageStatusSeverity.Information;
    this.status.busy = true;
    this.status.detail = 'starting';
    const found = await findServer(resource, this.log);
    this.status.busy = false;
    if (!found.ok) {
      this.server = undefined;
      this.status.severity = vscode.LanguageStatusSeverity.Error;
      this.status.detail = 'not found';
      this.status.command = { title: 'Set interpreter', command: 'workbench.action.openSettings', arguments: ['tilint.interpreter'] };
      reportNotFound(found.tried, this.log);
      return undefined;
    }
    const server = found.server;
    this.server = server;
    const folder = resource !== undefined ? vscode.workspace.getWorkspaceFolder(resource) : undefined;
    const executable: Executable = {
      command: server.command,
      args: [...server.args],
      options: { env: { ...process.env, PYTHONUNBUFFERED: '1' }, ...(folder !== undefined ? { cwd: folder.uri.fsPath } : {}) },
    };
    this.log.info(`starting the server from ${server.origin}: ${[server.command, ...server.args].join(' ')}`);

    const keys = this.keys;
    const clientOptions: LanguageClientOptions = {
      documentSelector: this.selector(),
      outputChannel: this.log,
      stdioOptions: { stdout: forward(this.log), stderr: forward(this.log) },
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: serverSettings(keys, resource),
      middleware: {
        workspace: {
          // The server pulls section "tilint": answer with the forwarded keys in the
          // server's names, not VS Code's raw camelCase section.
          configuration: async (params, token, next) => {
            const answer: unknown = await next(params, token);
            if (!Array.isArray(answer)) {
              return answer as never;
            }
            return params.items.map((item, i) =>
              item.section === SECTION
                ? serverSettings(keys, item.scopeUri !== undefined ? vscode.Uri.parse(item.scopeUri) : undefined)
                : (answer[i] as unknown),
            );
          },
        },
      },
      initializationFailedHandler: (error) => {
        this.log.error(`the server failed to initialise: ${String(error)}`);
        return false;
      },
    };
    const client = new TilintLanguageClient(SECTION, 'tilint', executable, clientOptions);
    const commands = new ServerCommands((command, args) => client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }));
    client.registerFeature(commands);
    try {
      await client.start();
    } catch (error) {
      commands.clear();
      this.status.severity = vscode.LanguageStatusSeverity.Error;
      this.status.detail = 'failed to start';
      this.log.error(`the server did not start: ${String(error)}`);
      void vscode.window
        .showErrorMessage(
          `tilint: the language server (${server.origin}: ${[server.command, ...server.args].join(' ')}) did not start. ` +
            `The log says why; an old tilint without "lsp" or a missing pygls are the usual causes (${INSTALL_HINT}).`,
          'Show Log',
        )
        .then((choice) => (choice === 'Show Log' ? this.log.show() : undefined));
      try {
        await client.dispose(2000);
      } catch {
        // already gone
      }
      return undefined;
    }
    this.client = client;
    this.commands = commands;
    this.status.detail = server.origin;
    this.status.command = { title: 'Show log', command: 'tilint.showOutput' };
    this.log.info(`server running; it offers commands: ${[...commands.names].join(', ') || '(none)'}`);
    return client;
  }
}

const SERVER_LOG_LINE = /^\d{4}-\d\d-\d\d[ T][\d:,.]+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) (.*)$/;

/**
 * The server logs to stderr as "DATE TIME LEVEL logger: message" (lsp_server.server);
 * each line goes to the log channel at its own level, continuation lines (tracebacks) at
 * the level of the line they continue.
 */
function forward(log: vscode.LogOutputChannel): (input: NodeJS.ReadableStream) => void {
  return (input) => {
    let level = 'INFO';
    readline.createInterface({ input, crlfDelay: Infinity, terminal: false }).on('line', (line: string) => {
      const parsed = SERVER_LOG_LINE.exec(line);
      const text = parsed !== null ? (parsed[2] as string) : line;
      level = parsed !== null ? (parsed[1] as string) : level;
      if (level === 'DEBUG') {
        log.debug(text);
      } else if (level === 'INFO') {
        log.info(text);
      } else if (level === 'WARNING') {
        log.warn(text);
      } else {
        log.error(text);
      }
    });
  };
}

function reportNotFound(tried: readonly string[], log: vscode.LogOutputChannel): void {
  log.error(`no tilint language server found. Tried:\n  ${tried.join('\n  ')}`);
  const message =
    'tilint: no Python environment with tilint was found. ' +
    `Install it (${INSTALL_HINT}) into an environment, then select that interpreter in the Python extension, ` +
    'or set "tilint.interpreter" (e.g. ["/path/to/.venv/bin/python"]) or "tilint.path" (e.g. ["/path/to/.venv/bin/tilint"]). ' +
    `Tried: ${tried.join('; ')}.`;
  void vscode.window.showErrorMessage(message, 'Open Settings', 'Show Log').then((choice) => {
    if (choice === 'Open Settings') {
      void vscode.commands.executeCommand('workbench.action.openSettings', 'tilint.');
    } else if (choice === 'Show Log') {
      log.show();
    }
  });
}
