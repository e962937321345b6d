/**
 * A stand-in npm registry on 127.0.0.1 for installing the packed package without the network.
 *
 * `npm install --offline ./briefing-x.tgz` cannot work from the cache that `npm ci` fills: `npm ci`
 * reads versions and integrities from package-lock.json and caches only the tarballs, while an
 * install into a folder without a lock file must resolve every dependency's version range, which
 * needs the registry's package documents ("packuments"), and those are not in the cache
 * (ENOTCACHED). This server answers those documents, made from package-lock.json: each package at
 * the versions the project locks, with their integrity. npm then takes every tarball from its
 * cache by that integrity (pacote looks there first when it knows the integrity), so the server is
 * never asked for one; if it is, that tarball is not in the cache, and the server records the
 * miss and answers 404 so that the install fails and the test can say why.
 *
 * The documents leave out optional peer dependencies. npm installs none of them, it only checks
 * the version of one that something else installed; and nunjucks's optional `chokidar@^3.3.0`,
 * checked against the chokidar 4 that @11ty/chokidar-with-glob-support brings, sends npm looking
 * for a chokidar 3 that the lock file, and so the cache, does not have (ETARGET). What it would do
 * with the real registry, where chokidar 3 exists, is to warn and go on.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

interface LockEntry {
  name?: string;
  version?: string;
  integrity?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, unknown>;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  license?: string;
}

export interface LockRegistry {
  /** The registry's URL, ending in "/". */
  readonly url: string;
  /** Tarballs npm asked the server for: the ones missing from npm's cache. */
  readonly missing: string[];
  /** Package documents asked for that the lock file does not have. */
  readonly unknown: string[];
  close(): Promise<void>;
}

/** Starts the stand-in registry for the packages locked in `lockFile`. */
export async function startLockRegistry(lockFile: string): Promise<LockRegistry> {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages: Record<string, LockEntry> };
  const byName = new Map<string, Map<string, LockEntry>>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || entry.link || !entry.version || !entry.integrity) continue;
    // "node_modules/a/node_modules/@scope/b" is @scope/b, unless the entry names an alias's target.
    const name = entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    let versions = byName.get(name);
    if (!versions) byName.set(name, (versions = new Map()));
    versions.set(entry.version, entry);
  }
  const missing: string[] = [];
  const unknown: string[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const name = decodeURIComponent(url.pathname.slice(1));
    const versions = byName.get(name);
    if (url.pathname.startsWith('/-/tarball/') || !versions) {
      if (url.pathname.startsWith('/-/tarball/')) missing.push(decodeURIComponent(url.pathname.slice('/-/tarball/'.length)));
      else unknown.push(name);
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const manifests: Record<string, unknown> = {};
    for (const [version, entry] of versions) {
      manifests[version] = {
        name,
        version,
        dependencies: entry.dependencies,
        optionalDependencies: entry.optionalDependencies,
        peerDependencies: requiredPeers(entry),
        bin: entry.bin,
        engines: entry.engines,
        os: entry.os,
        cpu: entry.cpu,
        // sharp's prebuilt binaries come in glibc and musl builds for one os and cpu: without `libc`
        // npm would take the musl ones as installable here too.
        libc: entry.libc,
        license: entry.license,
        dist: { integrity: entry.integrity, tarball: `${base}/-/tarball/${encodeURIComponent(name)}-${version}.tgz` },
      };
    }
    const latest = [...versions.keys()].sort(compareVersions).at(-1)!;
    // no-store: npm keeps these stand-in documents out of its cache.
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ name, 'dist-tags': { latest }, versions: manifests }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    missing,
    unknown,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The peer dependencies that are not marked optional, or undefined when there are none. */
function requiredPeers(entry: LockEntry): Record<string, string> | undefined {
  const meta = (entry.peerDependenciesMeta ?? {}) as Record<string, { optional?: boolean } | undefined>;
  const peers = Object.entries(entry.peerDependencies ?? {}).filter(([name]) => meta[name]?.optional !== true);
  return peers.length > 0 ? Object.fromEntries(peers) : undefined;
}

/** Semantic versions in order, enough for "latest": release parts as numbers, a pre-release first. */
function compareVersions(a: string, b: string): number {
  const [mainA = '', preA] = a.split('-', 2);
  const [mainB = '', preB] = b.split('-', 2);
  const partsA = mainA.split('.').map(Number);
  const partsB = mainB.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (partsA[i] !== partsB[i]) return (partsA[i] ?? 0) - (partsB[i] ?? 0);
  if (preA === preB) return 0;
  return preA === undefined ? 1 : preB === undefined ? -1 : preA < preB ? -1 : 1;
}
