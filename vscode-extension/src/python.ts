// The Python extension (ms-python.python) as a soft dependency: its selected
// interpreter is one place to look for tilint, as in Microsoft's Python tools
// extension template. Only the few members used are typed here; anything missing
// or throwing means "no interpreter from the Python extension".

import * as vscode from 'vscode';

const PYTHON_EXTENSION = 'ms-python.python';

interface EnvironmentPath {
  readonly id: string;
  readonly path: string;
}

interface ResolvedEnvironment {
  readonly executable: { readonly uri: vscode.Uri | undefined };
}

interface PythonEnvironments {
  getActiveEnvironmentPath(resource?: vscode.Uri): EnvironmentPath;
  resolveEnvironment(environment: EnvironmentPath | string): Promise<ResolvedEnvironment | undefined>;
  readonly onDidChangeActiveEnvironmentPath: vscode.Event<unknown>;
}

interface PythonSettingsApi {
  getExecutionDetails(resource?: vscode.Uri): { execCommand: string[] | undefined };
  readonly onDidChangeExecutionDetails: vscode.Event<unknown>;
}

interface PythonExtensionApi {
  readonly environments?: PythonEnvironments;
  readonly settings?: PythonSettingsApi;
}

async function api(): Promise<PythonExtensionApi | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionApi>(PYTHON_EXTENSION);
  if (extension === undefined) {
    return undefined;
  }
  try {
    return extension.isActive ? extension.exports : await extension.activate();
  } catch {
    return undefined;
  }
}

/** The interpreter command the Python extension has selected for `resource`, if any. */
export async function selectedInterpreter(resource: vscode.Uri | undefined): Promise<string[] | undefined> {
  const python = await api();
  if (python === undefined) {
    return undefined;
  }
  try {
    if (python.environments !== undefined) {
      const active = python.environments.getActiveEnvironmentPath(resource);
      const resolved = await python.environments.resolveEnvironment(active);
      const executable = resolved?.executable.uri?.fsPath;
      if (executable !== undefined && executable !== '') {
        return [executable];
      }
    }
    const details = python.settings?.getExecutionDetails(resource).execCommand;
    if (details !== undefined && details.length > 0 && details[0] !== '') {
      return details;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Calls `listener` when the user picks another interpreter in the Python extension. */
export async function onInterpreterChange(listener: () => void): Promise<vscode.Disposable | undefined> {
  const python = await api();
  try {
    if (python?.environments !== undefined) {
      return python.environments.onDidChangeActiveEnvironmentPath(listener);
    }
    if (python?.settings !== undefined) {
      return python.settings.onDidChangeExecutionDetails(listener);
    }
  } catch {
    return undefined;
  }
  return undefined;
}
