/** The `briefing` command as a user runs it: exit codes, one diagnostic a line, JSON for editors. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { tempDir, writeTree } from '../helpers/site.ts';

const bin = path.resolve('bin/briefing.js');
let dir: string;

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  dir = await tempDir();
  await writeTree(dir, {
    'good/briefing.md': '---\ntitle: Good\n---\n',
    'good/articles/a.md': '---\ntitle: A\nsource: Wire\npublished: 2024-01-01\n---\nText about [[Someone]].\n',
    'good/entities/someone.md': '---\nname: Someone\ntype: person\n---\n',
    'bad/briefing.md': '---\ntitle: Bad\n---\n',
    'bad/articles/a.md': '---\ntitle: A\nsource: Wire\npublished: 2024-02-30\n---\nText about [[Nobody]] and [x]{claim=Bad_Id}.\n',
    'bad/articles/b.md': '---js\n{ title: (globalThis.pwned = 1) }\n---\n',
    'warned/briefing.md': '---\ntitle: Warned\n---\n',
    'warned/articles/a.md': '---\ntitle: A\nsource: Wire\npublished: 2024-01-01\n---\n[[Nobody]] said [“no”]{quote=Ghost}.\n',
  });
});
after(async () => fs.rm(dir, { recursive: true, force: true }));

test('build succeeds, prints stage progress and a summary line', () => {
  const r = run(['build', '--input', 'good', '--output', 'out']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^ {2}annotate +\d+ documents/m);
  assert.match(r.stderr, /^Built \d+ pages \(1 article, 1 entity\) in [\d.]+ m?s → out$/m);
});

test('--quiet prints nothing on success', () => {
  const r = run(['build', '--input', 'good', '--output', 'out', '--quiet']);
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
});

test('check reports every problem as path:line:column: severity: message and exits 1', () => {
  const r = run(['check', '--input', 'bad']);
  assert.equal(r.code, 1);
  const lines = r.stderr.trim().split('\n');
  assert.deepEqual(
    lines.slice(0, -1).map((l) => l.replace(/: (error|warning): .*/, ': $1')),
    ['bad/articles/a.md:4:12: error', 'bad/articles/a.md:6:12: warning', 'bad/articles/a.md:6:37: error', 'bad/articles/b.md:1:1: error'],
  );
  assert.match(lines[1]!, /"Nobody" matches no entity/);
  assert.match(lines[3]!, /front matter language "js" is not allowed/);
  assert.match(lines.at(-1)!, /^Failed: 3 errors, 1 warning\.$/);
});

test('check --format json gives the same diagnostics as data', () => {
  const r = run(['check', '--input', 'bad', '--format', 'json']);
  assert.equal(r.code, 1);
  const items = JSON.parse(r.stdout) as { file: string; line: number; column: number; severity: string; code: string }[];
  assert.deepEqual(
    items.map((d) => `${d.file}:${d.line}:${d.column}:${d.code}`),
    [
      'bad/articles/a.md:4:12:invalid-value',
      'bad/articles/a.md:6:12:unknown-entity',
      'bad/articles/a.md:6:37:bad-claim-id',
      'bad/articles/b.md:1:1:executable-front-matter',
    ],
  );
});

test('a failed build exits 1 and says the output was left alone', () => {
  const r = run(['build', '--input', 'bad', '--output', 'out2']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Build failed: 3 errors, 1 warning\. The output folder was left as it was\./);
});

test('--strict prints what would be a warning as an error line, and the summary counts it so', () => {
  const want = ['warned/articles/a.md:6:1: error: mention "Nobody"', 'warned/articles/a.md:6:30: error: quote speaker "Ghost"'];
  const first = (r: { stderr: string }): string[] =>
    r.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('warned/'))
      .map((l) => l.replace(/ matches no entity.*/, ''));
  const checked = run(['check', '--input', 'warned', '--strict']);
  assert.equal(checked.code, 1);
  assert.deepEqual(first(checked), want);
  assert.match(checked.stderr.trim().split('\n').at(-1)!, /^Failed: 2 errors, 0 warnings\.$/);
  const built = run(['build', '--input', 'warned', '--output', 'out3', '--strict', '--quiet']);
  assert.equal(built.code, 1);
  assert.deepEqual(first(built), want);
  assert.match(built.stderr, /^Build failed: 2 errors, 0 warnings\. The output folder was left as it was\.$/m);
  const json = run(['check', '--input', 'warned', '--strict', '--format', 'json']);
  assert.equal(json.code, 1);
  assert.deepEqual(
    (JSON.parse(json.stdout) as { severity: string }[]).map((d) => d.severity),
    ['error', 'error'],
  );
  // Without --strict the same lines are warnings and the content passes.
  const lenient = run(['check', '--input', 'warned']);
  assert.equal(lenient.code, 0);
  assert.match(lenient.stderr, /warned\/articles\/a\.md:6:1: warning: mention "Nobody"/);
  assert.match(lenient.stderr.trim().split('\n').at(-1)!, /^OK: 0 errors, 2 warnings\.$/);
});

test('usage errors exit 2', () => {
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run(['build', '--input', 'missing-folder']).code, 2);
  assert.equal(run(['check', '--input', 'good', '--format', 'xml']).code, 2);
  assert.equal(run(['build', '--inptu', 'good']).code, 2);
});

test('a page the disk refuses is a usage error that names the file, and no output is left', async () => {
  // The file size limit makes every write past 2 KB fail with EFBIG (the signal it would send is
  // ignored): each page of this site is larger, so the page writer meets it first.
  const r = spawnSync(
    'bash',
    ['-c', `trap '' XFSZ; ulimit -f 2; exec "$0" "$@"`, process.execPath, bin, 'build', '--input', 'good', '--output', 'too-big'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^briefing: error: writing \S+\.html failed: EFBIG\b.*\(check the free space and the permissions there\)$/m);
  assert.doesNotMatch(r.stderr, /internal error/);
  await assert.rejects(fs.stat(path.join(dir, 'too-big')), /ENOENT/);
});
