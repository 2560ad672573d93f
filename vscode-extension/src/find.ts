// Finding the tilint language server, in this order (the ruff and Python tools
// extensions' order, explicit settings first):
//   1. tilint.interpreter:  [python, "-m", "lsp_server", "--stdio"]
//   2. tilint.path:         [tilint, "lsp", "--stdio"]
//   3. the Python extension's selected interpreter, if it can import lsp_server
//   4. `tilint` on PATH:    [tilint, "lsp", "--stdio"]
// An interpreter is checked with `python -c "import lsp_server"` first, so a missing
// install is reported with its remedy rather than as a crashed server.

import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

import { selectedInterpreter } from './python';
import { commandSetting } from './settings';

export interface ServerCommand {
  /** The program and its arguments, ending in "--stdio". */
  readonly command: string;
  readonly args: readonly string[];
  /** How to run the CLI with the same installation: [...prefix, "explain", "TI102"]. */
  readonly cli: readonly string[];
  /** Where it came from, for the log and messages. */
  readonly origin: string;
}

export type Found = { readonly ok: true; readonly server: ServerCommand } | { readonly ok: false; readonly tried: readonly string[] };

export const INSTALL_HINT = 'python -m pip install tilint';

const CHECK_TIMEOUT_MS = 30_000;

/** Whether `interpreter` can import the server; the reason when it cannot. */
export function checkInterpreter(interpreter: readonly string[]): Promise<string | undefined> {
  const [program, ...rest] = interpreter;
  if (program === undefined) {
    return Promise.resolve('empty command');
  }
  return new Promise((resolve) => {
    execFile(
      program,
      [...rest, '-c', 'import lsp_server, tilint'],
      { timeout: CHECK_TIMEOUT_MS, windowsHide: true },
      (error, _stdout, stderr) => {
        if (error === null) {
          resolve(undefined);
          return;
        }
        const lines = String(stderr).trim().split(/\r?\n/);
        const last = lines[lines.length - 1] ?? '';
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          resolve(`${program} does not exist`);
        } else if (error.killed) {
          resolve(`${program} did not answer within ${CHECK_TIMEOUT_MS / 1000} s`);
        } else {
          resolve(last !== '' ? last : error.message);
        }
      },
    );
  });
}

function fromInterpreter(interpreter: readonly string[], origin: string): ServerCommand {
  const [program, ...rest] = interpreter as [string, ...string[]];
  return { command: program, args: [...rest, '-m', 'lsp_server', '--stdio'], cli: [...interpreter, '-m', 'tilint'], origin };
}

function fromExecutable(executable: readonly string[], origin: string): ServerCommand {
  const [program, ...rest] = executable as [string, ...string[]];
  return { command: program, args: [...rest, 'lsp', '--stdio'], cli: [...executable], origin };
}

export function onPath(name: string): string | undefined {
  const names = process.platform === 'win32' ? [`${name}.exe`, `${name}.cmd`, name] : [name];
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') {
      continue;
    }
    for (const candidate of names.map((n) => path.join(dir, n))) {
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) {
          return candidate;
        }
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export async function findServer(resource: vscode.Uri | undefined, log: vscode.LogOutputChannel): Promise<Found> {
  const tried: string[] = [];

  const interpreter = commandSetting('interpreter', resource);
  if (interpreter.length > 0) {
    const problem = await checkInterpreter(interpreter);
    if (problem === undefined) {
      return { ok: true, server: fromInterpreter(interpreter, 'tilint.interpreter') };
    }
    // An explicit setting is what the user asked for: report it, do not guess past it.
    return { ok: false, tried: [`tilint.interpreter ${JSON.stringify(interpreter)}: ${problem}`] };
  }

  const executable = commandSetting('path', resource);
  if (executable.length > 0) {
    const program = executable[0] as string;
    if (path.isAbsolute(program) ? fs.existsSync(program) : onPath(program) !== undefined) {
      return { ok: true, server: fromExecutable(executable, 'tilint.path') };
    }
    return { ok: false, tried: [`tilint.path ${JSON.stringify(executable)}: ${program} does not exist`] };
  }

  const selected = await selectedInterpreter(resource);
  if (selected === undefined) {
    tried.push('the Python extension: not installed, or no interpreter selected');
  } else {
    const problem = await checkInterpreter(selected);
    if (problem === undefined) {
      return { ok: true, server: fromInterpreter(selected, "the Python extension's selected interpreter") };
    }
    tried.push(`the Python extension's interpreter ${selected.join(' ')}: ${problem}`);
    log.info(`Python extension interpreter ${selected.join(' ')} cannot run tilint: ${problem}`);
  }

  const tilint = onPath('tilint');
  if (tilint !== undefined) {
    return { ok: true, server: fromExecutable([tilint], '`tilint` on PATH') };
  }
  tried.push('`tilint` on PATH: not found');
  return { ok: false, tried };
}
