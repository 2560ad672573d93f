// "Check this Word or PowerPoint file": the parts that need no VS Code, so they are
// tested with Node alone (tests/test_vscode_settings.py). The command itself is in
// office.ts.

/** The file types the language server cannot show (binary) and the command checks. */
export const OFFICE_EXTENSIONS: readonly string[] = ['.docx', '.pptx', '.odt', '.fodt', '.odp', '.fodp', '.pdf'];

/**
 * The webview's Content-Security-Policy: nothing loads, nothing runs; only the report's
 * own inline styles and its inline SVG/data images.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function isOfficeFile(file: string): boolean {
  const lower = file.toLowerCase();
  return OFFICE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * The CLI call that writes the HTML report for one file: the same installation as the
 * server (`cli` is e.g. [python, "-m", "tilint"] or [".../tilint"]). `--exit-zero`:
 * findings are the result, not a failure; exit 2 still means the file could not be read.
 */
export function checkCommand(cli: readonly string[], file: string, output: string): { program: string; args: string[] } {
  const [program, ...prefix] = cli;
  if (program === undefined) {
    throw new Error('no tilint command');
  }
  return { program, args: [...prefix, 'check', '--format', 'html', '--output', output, '--exit-zero', '--', file] };
}

/**
 * The report as a webview shows it: any Content-Security-Policy the file carries is
 * replaced by REPORT_CSP, and <script> elements are removed (scripts are also disabled in
 * the webview itself).
 */
export function withStrictCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;
  let out = html
    .replace(/<meta\s+http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi, '')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script\b[^>]*>/gi, '');
  if (/<head\b[^>]*>/i.test(out)) {
    out = out.replace(/<head\b[^>]*>/i, (head) => `${head}\n${meta}`);
  } else {
    out = `${meta}\n${out}`;
  }
  return out;
}
