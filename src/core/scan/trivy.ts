import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateDir, removePrivateDir } from '../cleanup.js';
import { AegisError } from '../errors.js';
import { type Fetch, httpFetch } from '../http.js';
import type { Log } from '../log.js';
import { run } from '../process.js';

/**
 * The Trivy release this version of aegis runs unless told otherwise. Trivy's releases
 * 0.27.0–0.69.1 were deleted after the March 2026 incident and 0.69.4–0.69.6 were malicious
 * (GHSA-69fq-xp46-6x23); 0.70.0 is a clean release published afterwards.
 */
export const DEFAULT_TRIVY_VERSION = '0.70.0';
/** Versions that must never be installed, whatever the input says. */
export const COMPROMISED_TRIVY_VERSIONS: readonly string[] = ['0.69.4', '0.69.5', '0.69.6'];
export const DEFAULT_RELEASE_URL = 'https://github.com/aquasecurity/trivy/releases/download';
/** Tried in order by Trivy itself; mirror.gcr.io first because ghcr.io rate-limits anonymous pulls. */
export const DEFAULT_DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'];
export const DEFAULT_JAVA_DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-java-db:1', 'ghcr.io/aquasecurity/trivy-java-db:1'];

const VERSION = /^\d+\.\d+\.\d+$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** Trivy failed (could not pull the image, DB download failed…): the scan result is `error`, never `failed`. */
export class TrivyError extends AegisError {
  override name = 'TrivyError';
}

/** Release asset names as Trivy publishes them (goreleaser). */
export function trivyAsset(version: string, platform: NodeJS.Platform, arch: string): string {
  if (!VERSION.test(version)) throw new AegisError(`Trivy version ${JSON.stringify(version)} is not X.Y.Z`);
  const os = { linux: 'Linux', darwin: 'macOS', freebsd: 'FreeBSD' }[platform as string];
  const cpu = { x64: '64bit', arm64: 'ARM64', arm: 'ARM', ppc64: 'PPC64LE', s390x: 's390x' }[arch];
  if (!os || !cpu) throw new AegisError(`No Trivy release for ${platform}/${arch}; install Trivy yourself and set 'trivy-binary'`);
  return `trivy_${version}_${os}-${cpu}.tar.gz`;
}

/** `<sha256>  <file>` lines, as in trivy_<version>_checksums.txt. */
export function parseChecksums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line.trim());
    if (match?.[1] && match[2]) sums.set(match[2], match[1].toLowerCase());
  }
  return sums;
}

export interface InstallOptions {
  version: string;
  /** Base of the release downloads; `<base>/v<version>/<asset>`. */
  releaseUrl: string;
  /** Binaries are kept in `<cacheDir>/bin/<version>/trivy` and reused by later runs. */
  cacheDir: string;
  /** Optional pin of the archive's SHA-256, checked in addition to the release's checksums file. */
  sha256?: string;
  platform?: NodeJS.Platform;
  arch?: string;
  log: Log;
  fetch?: Fetch;
}

export interface Installed {
  binary: string;
  cached: boolean;
  sha256: string;
}

/**
 * Installs the pinned Trivy release. The archive is verified against `sha256` when pinned, else
 * against the release's checksums file, and the binary is unpacked from that verified archive
 * on every run: the cache (in the workspace, maybe restored from a CI cache) only saves the
 * download, it is never trusted as it is. A pinned, cached archive needs no network at all.
 */
export async function installTrivy(options: InstallOptions): Promise<Installed> {
  const asset = trivyAsset(options.version, options.platform ?? process.platform, options.arch ?? process.arch);
  const pinned = options.sha256?.toLowerCase();
  if (pinned !== undefined && !SHA256.test(pinned))
    throw new AegisError(`Pinned Trivy SHA-256 ${JSON.stringify(options.sha256)} is not 64 hex digits`);
  const get = options.fetch;
  const base = `${options.releaseUrl.replace(/\/$/, '')}/v${options.version}`;
  const checksumsUrl = `${base}/trivy_${options.version}_checksums.txt`;
  let listedChecksum: string | undefined;
  const fetchListed = async () => {
    const checksum = parseChecksums(await download(get, checksumsUrl).then((bytes) => bytes.toString('utf8'))).get(asset);
    if (!checksum) throw new AegisError(`${checksumsUrl} lists no checksum for ${asset}; refusing to install an unverified binary`);
    if (pinned !== undefined && pinned !== checksum) {
      throw new AegisError(
        `The pinned SHA-256 ${pinned} for ${asset} differs from the release's checksums file (${checksum}); refusing to install`,
      );
    }
    return checksum;
  };
  const listed = async () => {
    listedChecksum ??= await fetchListed();
    return listedChecksum;
  };

  const directory = join(options.cacheDir, 'bin', options.version);
  const cachedArchive = join(options.cacheDir, 'archives', asset);
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  let expected = pinned;
  let archive: Buffer | undefined;
  let cached = false;
  if (existsSync(cachedArchive)) {
    expected ??= await listed();
    const bytes = readFileSync(cachedArchive);
    if (sha256(bytes) === expected) {
      archive = bytes;
      cached = true;
    } else {
      options.log.warning(`The cached ${asset} does not match its checksum; downloading it again.`);
    }
  }
  if (!archive) {
    // A fresh download is checked against the release's list too (which also cross-checks a pin).
    expected = await listed();
    archive = await download(get, `${base}/${asset}`);
    const actual = sha256(archive);
    if (actual !== expected) {
      throw new AegisError(`Checksum mismatch for ${asset}: downloaded ${actual}, expected ${expected}; refusing to install`);
    }
  }

  // Registered, so that a cancel mid-install leaves no half-unpacked directory in the cache.
  const staging = createPrivateDir(options.cacheDir, '.install-');
  try {
    const archivePath = join(staging, asset);
    writeFileSync(archivePath, archive);
    await run('tar', ['-xzf', archivePath, '-C', staging, 'trivy']);
    chmodSync(join(staging, 'trivy'), 0o755);
    mkdirSync(join(options.cacheDir, 'archives'), { recursive: true });
    renameSync(archivePath, cachedArchive);
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(join(options.cacheDir, 'bin'), { recursive: true });
    renameSync(staging, directory);
  } finally {
    // After the rename there is nothing left at `staging`; this only forgets it.
    removePrivateDir(staging);
  }
  const binary = join(directory, 'trivy');
  options.log.info(
    `${cached ? 'Unpacked the cached' : 'Installed'} Trivy ${options.version} (archive sha256 ${expected}) into ${directory}.`,
  );
  return { binary, cached, sha256: expected as string };
}

async function download(get: Fetch | undefined, url: string): Promise<Buffer> {
  let response: Response;
  try {
    response = await httpFetch(url, { redirect: 'follow' }, { timeoutMs: 300_000, fetch: get });
  } catch (error) {
    throw new AegisError(`Could not download ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new AegisError(`Could not download ${url}: HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/**
 * What Trivy scans, by its subcommand: an image, a directory (`filesystem`), a local git
 * checkout or remote repository (`repository`), a root filesystem (`rootfs`), or config files
 * only (`config`: misconfigurations, nothing else).
 */
export type ScanTarget =
  | { kind: 'image'; image: string }
  | { kind: 'path'; path: string }
  | { kind: 'repository'; repository: string }
  | { kind: 'rootfs'; path: string }
  | { kind: 'config'; path: string };

export interface ScanArgsOptions {
  target: ScanTarget;
  output: string;
  cacheDir: string;
  dbRepositories: readonly string[];
  javaDbRepositories: readonly string[];
  scanners: readonly string[];
  timeout: string;
  /** Image platform to scan for multi-arch images, e.g. linux/arm64. */
  platform?: string;
  skipDirs?: readonly string[];
  skipFiles?: readonly string[];
  /** Trivy's `--pkg-types` (os, library). */
  pkgTypes?: readonly string[];
  /** A trivy.yaml; flags given here win over it, so it cannot change the output or the exit code. */
  configFile?: string;
}

const SUBCOMMAND: Record<ScanTarget['kind'], string> = {
  image: 'image',
  path: 'filesystem',
  repository: 'repository',
  rootfs: 'rootfs',
  config: 'config',
};

function targetArgument(target: ScanTarget): string {
  if (target.kind === 'image') return target.image;
  if (target.kind === 'repository') return target.repository;
  return target.path;
}

/**
 * The one Trivy invocation: JSON out, every package listed (for the SBOM), no severity or
 * unfixed filtering (the gate decides, and every rendering shows everything), and exit
 * code 0 on findings so that a non-zero exit can only mean Trivy itself failed. `trivy
 * config` has no package, DB or scanner flags, so it gets none.
 */
export function trivyScanArgs(options: ScanArgsOptions): string[] {
  const config = options.target.kind === 'config';
  const args = [SUBCOMMAND[options.target.kind], '--format', 'json', '--output', options.output];
  if (!config) args.push('--list-all-pkgs');
  args.push('--exit-code', '0');
  if (!config) args.push('--no-progress');
  args.push('--cache-dir', options.cacheDir, '--timeout', options.timeout);
  if (!config) {
    args.push('--scanners', options.scanners.join(','));
    for (const repository of options.dbRepositories) args.push('--db-repository', repository);
    for (const repository of options.javaDbRepositories) args.push('--java-db-repository', repository);
    if (options.pkgTypes?.length) args.push('--pkg-types', options.pkgTypes.join(','));
  }
  if (options.platform && options.target.kind === 'image') args.push('--platform', options.platform);
  if (options.skipDirs?.length) args.push('--skip-dirs', options.skipDirs.join(','));
  if (options.skipFiles?.length) args.push('--skip-files', options.skipFiles.join(','));
  if (options.configFile) args.push('--config', options.configFile);
  // `--` so that a target starting with '-' can never be read as a flag.
  args.push('--', targetArgument(options.target));
  return args;
}

/** Runs Trivy; any failure to produce a report becomes a TrivyError with Trivy's own last words. */
export async function runTrivy(
  binary: string,
  args: readonly string[],
  log: Log,
  env: Record<string, string | undefined> = {},
): Promise<void> {
  log.info(`Running ${binary} ${args.join(' ')}`);
  let result: Awaited<ReturnType<typeof run>>;
  try {
    result = await run(binary, args, { allowFailure: true, env });
  } catch (error) {
    throw new TrivyError(`Could not start Trivy (${binary}): ${(error as Error).message}`);
  }
  if (result.exitCode !== 0) {
    const tail = (result.stderr || result.stdout).trim().split('\n').slice(-8).join('\n');
    throw new TrivyError(`Trivy exited with code ${result.exitCode}:\n${tail}`);
  }
}
