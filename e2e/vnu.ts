import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import vnuJar from 'vnu-jar';

// The Nu Html Checker (vnu.jar from npm's vnu-jar) over HTML files saved by a test.
// All files go to one `java -jar vnu.jar` run: the JVM start costs seconds, a page milliseconds.

export interface VnuMessage {
  /** The file's label (the page's path), not the temp file. */
  page: string;
  line?: number;
  column?: number;
  message: string;
  extract?: string;
}

export interface VnuResult {
  errors: VnuMessage[];
  warnings: VnuMessage[];
}

interface RawMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/**
 * Checks `files` (path -> label shown in messages). Errors and non-document errors (a file that
 * could not be read) are errors; warnings are returned apart, plain info messages are dropped.
 * Throws when Java or the checker itself fails, so a broken setup cannot pass as "no errors".
 */
export function checkHtml(files: Map<string, string>): VnuResult {
  if (files.size === 0) return { errors: [], warnings: [] };
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new Error('java not found: the HTML check needs a JRE (apt-get install default-jre-headless)');
  }
  const run = spawnSync(
    'java',
    ['-jar', String(vnuJar), '--format', 'json', '--stdout', '--exit-zero-always', '--skip-info-messages', ...files.keys()],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.error || run.status !== 0) {
    throw new Error(`vnu failed (status ${run.status}): ${run.error?.message ?? ''}\n${run.stderr}`);
  }
  let parsed: { messages: RawMessage[] };
  try {
    parsed = JSON.parse(run.stdout);
  } catch {
    throw new Error(`vnu printed no JSON:\n${run.stdout.slice(0, 2000)}\n${run.stderr.slice(0, 2000)}`);
  }
  const result: VnuResult = { errors: [], warnings: [] };
  for (const m of parsed.messages) {
    const file = m.url?.startsWith('file:') ? fileURLToPath(m.url) : (m.url ?? '');
    const msg: VnuMessage = {
      page: files.get(file) ?? file,
      line: m.lastLine,
      column: m.firstColumn,
      message: m.message,
      extract: m.extract,
    };
    if (m.type === 'error' || m.type === 'non-document-error') result.errors.push(msg);
    else if (m.subType === 'warning') result.warnings.push(msg);
  }
  return result;
}

/** One line per message: "page:line:column: message" and the offending source, shortened. */
export function formatVnu(messages: VnuMessage[]): string {
  return messages
    .map((m) => {
      const where = `${m.page}:${m.line ?? '?'}:${m.column ?? '?'}`;
      const extract = m.extract ? `\n      ${m.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}` : '';
      return `    ${where}: ${m.message}${extract}`;
    })
    .join('\n');
}
