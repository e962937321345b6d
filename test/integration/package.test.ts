/**
 * The packed package, as a new user gets it: `npm pack`, then `npm install ./briefing-<version>.tgz`
 * into an empty folder, then `npx briefing init`, `build` and `check` there, with no TypeScript
 * tool installed. No network: the dependencies come from npm's cache (which `npm ci` filled)
 * through a stand-in registry on 127.0.0.1 (test/helpers/registry.ts says why `--offline` alone
 * cannot resolve them). About 20-40 s: the pack compiles dist/, the install unpacks about 150
 * packages.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { checkLinks, listFiles, tempDir } from '../helpers/site.ts';
import { startLockRegistry } from '../helpers/registry.ts';
import { startServe } from '../helpers/serve.ts';

const run = promisify(execFile);
const project = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
after(async () => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

/** Top-level entries of the project that are not its sources: installed, built or scratch. */
const NOT_SOURCES = new Set(['node_modules', 'dist', '.git', '_site', 'test-output', '.cache', 'scratch', '.scratch']);

/** npm's settings from an enclosing `npm test` (npm_config_*) would reach the child npm: not these. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return env;
}

async function npm(args: string[], cwd: string): Promise<string> {
  try {
    return (await run('npm', args, { cwd, env: npmEnv(), maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`npm ${args.join(' ')} failed:\n${e.stderr ?? e.message}`, { cause: error });
  }
}

test(
  'the packed tarball installs into an empty folder, where npx briefing init, build and check work without TypeScript',
  { timeout: 300_000 },
  async () => {
    const root = await tempDir('briefing-package-');
    dirs.push(root);

    // Packing compiles a clean dist/ (the prepack script): in a copy of the project, since tests
    // running beside this one read this checkout's dist/.
    const copy = path.join(root, 'project');
    await fs.cp(project, copy, {
      recursive: true,
      filter: (source) =>
        path.dirname(source) !== project || (!NOT_SOURCES.has(path.basename(source)) && !path.basename(source).startsWith('_site.')),
    });
    await fs.symlink(path.join(project, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    const packed = JSON.parse(await npm(['pack', '--json', '--pack-destination', root], copy)) as {
      filename: string;
      files: { path: string }[];
    }[];
    const tarball = packed[0]!.filename;
    const inPackage = packed[0]!.files.map((f) => f.path);
    assert.ok(inPackage.includes('dist/src/cli.js') && inPackage.includes('templates/init/briefing.md'), inPackage.join('\n'));
    assert.ok(
      !inPackage.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.ts')),
      'no TypeScript sources in the package',
    );

    // An empty folder, as a user starts: npm install ./briefing-<version>.tgz.
    const app = path.join(root, 'app');
    await fs.mkdir(app);
    await fs.copyFile(path.join(root, tarball), path.join(app, tarball));
    const registry = await startLockRegistry(path.join(project, 'package-lock.json'));
    try {
      await npm(['install', `./${tarball}`, '--registry', registry.url, '--prefer-offline', '--no-audit', '--no-fund'], app);
    } catch (error) {
      const missing = registry.missing.length > 0 ? `\nnot in npm's cache (run npm ci to fill it): ${registry.missing.join(', ')}` : '';
      throw new Error(`${(error as Error).message}${missing}`, { cause: error });
    } finally {
      await registry.close();
    }
    assert.deepEqual(registry.missing, [], 'every tarball came from the cache');
    const modules = path.join(app, 'node_modules');
    for (const tool of ['tsx', 'typescript', 'esbuild'])
      assert.equal(existsSync(path.join(modules, tool)), false, `${tool} is not installed`);

    const npx = async (args: string[]): Promise<{ stdout: string; stderr: string }> => {
      try {
        return await run('npx', ['--no', 'briefing', ...args], { cwd: app, env: npmEnv() });
      } catch (error) {
        const e = error as { stdout?: string; stderr?: string; message: string };
        throw new Error(`npx briefing ${args.join(' ')} failed:\n${e.stderr ?? e.message}${e.stdout ?? ''}`, { cause: error });
      }
    };
    const init = await npx(['init']);
    assert.match(init.stdout, /^ {2}content\/briefing\.md$/m);
    const build = await npx(['build', '--strict']);
    assert.match(build.stderr, /^Built \d+ pages \(1 article, 1 entity\)/m);
    assert.doesNotMatch(build.stderr, /warning|error/);
    const check = await npx(['check', '--strict']);
    assert.match(check.stderr, /^OK: 0 errors, 0 warnings\.$/m);

    // The site, with what comes from the package's files: styles and scripts, the offline worker,
    // the search index (its worker), every page (the page writer's worker), every link whole.
    const site = path.join(app, '_site');
    const files = await listFiles(site);
    for (const file of [
      'index.html',
      'articles/ferry-service-resumes.html',
      'entities/harbourton-ferry-company.html',
      'assets/site.css',
      'assets/search.js',
      'sw.js',
      'data/search-index.js',
      'data/claims.json',
    ])
      assert.ok(files.includes(file), `${file} in ${files.join(', ')}`);
    assert.match(await fs.readFile(path.join(site, 'index.html'), 'utf8'), /Harbourton Ferry Company/);
    const { problems } = await checkLinks(site);
    assert.deepEqual(problems, []);

    // The library API, by the package's name ("exports"), is the compiled one too.
    const api = await run(
      process.execPath,
      ['--input-type=module', '-e', "const m = await import('briefing'); console.log(typeof m.build, typeof m.check)"],
      { cwd: app },
    );
    assert.equal(api.stdout.trim(), 'function function');

    // npx briefing serve: the installed command, as npx runs it, serves the briefing on loopback.
    const served = await startServe(app, ['--output', '_served'], '127.0.0.1', path.join(modules, 'briefing', 'bin', 'briefing.js'));
    try {
      const home = await served.get('/index.html');
      assert.equal(home.status, 200, served.log());
      assert.match(home.body, /Harbourton Ferry Company/);
      assert.equal((await served.get('/entities/harbourton-ferry-company.html')).status, 200);
    } finally {
      await served.stop();
    }
  },
);
