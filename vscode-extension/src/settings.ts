// The tilint.* settings: declared once, in package.json's contributes.configuration.
//
// Every setting there is either one the extension keeps for itself (how to start the
// server, which languages, tracing) or one it forwards to the server. Forwarded keys
// are the package.json names converted to snake_case, which are the names of
// tilint.config.Config fields (check_quotes) plus the server-only `enable` and `run`.
// tests/test_vscode_settings.py checks package.json against Config.

import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const SECTION = 'tilint';

/** Languages always checked; tilint.languages adds more. */
export const BASE_LANGUAGES: readonly string[] = ['plaintext', 'markdown'];

/** Settings the extension uses itself; never sent to the server. */
export const CLIENT_KEYS: ReadonlySet<string> = new Set(['path', 'interpreter', 'languages', 'trace.server']);

/** Forwarded on every change even when unset: the server's own switches. */
const ALWAYS_SENT: ReadonlySet<string> = new Set(['enable', 'run']);

/** Settings whose change needs a new server process rather than a notification. */
export const RESTART_KEYS: readonly string[] = ['path', 'interpreter', 'languages'];

export type ServerSettings = Record<string, unknown>;

export function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** The forwarded keys (without the `tilint.` prefix), read from the extension's package.json. */
export function forwardedKeys(packageJSON: unknown): string[] {
  const properties = declaredProperties(packageJSON);
  return Object.keys(properties)
    .filter((key) => key.startsWith(`${SECTION}.`))
    .map((key) => key.slice(SECTION.length + 1))
    .filter((key) => !CLIENT_KEYS.has(key));
}

function declaredProperties(packageJSON: unknown): Record<string, unknown> {
  const contributes = field(packageJSON, 'contributes');
  const configuration = field(contributes, 'configuration');
  const properties = field(configuration, 'properties');
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>) : {};
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

type Inspected = ReturnType<vscode.WorkspaceConfiguration['inspect']>;

/** Whether the user set a key anywhere (user, workspace, folder, or for a language). */
function isSet(inspected: Inspected): boolean {
  if (inspected === undefined) {
    return false;
  }
  const values: unknown[] = [
    inspected.globalValue,
    inspected.workspaceValue,
    inspected.workspaceFolderValue,
    inspected.globalLanguageValue,
    inspected.workspaceLanguageValue,
    inspected.workspaceFolderLanguageValue,
  ];
  return values.some((v) => v !== undefined);
}

/**
 * What the server receives (initializationOptions, workspace/didChangeConfiguration,
 * workspace/configuration): `enable` and `run` always, and each Config setting only when
 * the user set it, so the project's config file decides everything the editor leaves alone.
 */
export function serverSettings(keys: readonly string[], scope: vscode.ConfigurationScope | undefined): ServerSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const folder = folderFor(scope);
  const out: ServerSettings = {};
  for (const key of keys) {
    if (!ALWAYS_SENT.has(key) && !isSet(config.inspect(key))) {
      continue;
    }
    let value: unknown = config.get(key);
    if (key === 'lexicons' && Array.isArray(value)) {
      value = value.map((entry: unknown) => (typeof entry === 'string' ? resolvePath(entry, folder) : entry));
    }
    out[snakeCase(key)] = value;
  }
  return out;
}

/** A string-array setting such as tilint.path, with variables expanded; [] when unset or malformed. */
export function commandSetting(key: 'path' | 'interpreter', scope: vscode.ConfigurationScope | undefined): string[] {
  const value: unknown = vscode.workspace.getConfiguration(SECTION, scope).get(key);
  if (!Array.isArray(value)) {
    return typeof value === 'string' && value.trim() !== '' ? [expand(value, folderFor(scope))] : [];
  }
  const folder = folderFor(scope);
  return value.filter((v: unknown): v is string => typeof v === 'string' && v.trim() !== '').map((v) => expand(v, folder));
}

export function languages(): string[] {
  const extra: unknown = vscode.workspace.getConfiguration(SECTION).get('languages');
  const more = Array.isArray(extra) ? extra.filter((v: unknown): v is string => typeof v === 'string' && v !== '') : [];
  return [...new Set([...BASE_LANGUAGES, ...more])];
}

export function folderFor(scope: vscode.ConfigurationScope | undefined): vscode.WorkspaceFolder | undefined {
  if (scope instanceof vscode.Uri) {
    return vscode.workspace.getWorkspaceFolder(scope) ?? vscode.workspace.workspaceFolders?.[0];
  }
  if (scope !== undefined && 'uri' in scope && scope.uri instanceof vscode.Uri) {
    return vscode.workspace.getWorkspaceFolder(scope.uri) ?? vscode.workspace.workspaceFolders?.[0];
  }
  return vscode.workspace.workspaceFolders?.[0];
}

/** Expand ${workspaceFolder}, ${userHome}, ${env:NAME} and a leading ~. */
export function expand(value: string, folder: vscode.WorkspaceFolder | undefined): string {
  let out = value.replace(/\$\{(workspaceFolder|userHome|env:([A-Za-z_][A-Za-z0-9_]*))\}/g, (whole, name: string, env?: string) => {
    if (name === 'workspaceFolder') {
      return folder?.uri.fsPath ?? whole;
    }
    if (name === 'userHome') {
      return os.homedir();
    }
    return env !== undefined ? process.env[env] ?? '' : whole;
  });
  if (out === '~' || out.startsWith('~/') || out.startsWith('~\\')) {
    out = path.join(os.homedir(), out.slice(1));
  }
  return out;
}

function resolvePath(value: string, folder: vscode.WorkspaceFolder | undefined): string {
  const expanded = expand(value, folder);
  if (path.isAbsolute(expanded) || folder === undefined) {
    return expanded;
  }
  return path.join(folder.uri.fsPath, expanded);
}
