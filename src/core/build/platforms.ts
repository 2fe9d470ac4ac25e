import { InputError } from '../errors.js';

/** Platforms Docker and buildah build for (the Go GOOS/GOARCH pairs images are published for). */
const KNOWN_PLATFORMS = new Set([
  'linux/amd64',
  'linux/amd64/v2',
  'linux/amd64/v3',
  'linux/arm64',
  'linux/arm64/v8',
  'linux/arm/v5',
  'linux/arm/v6',
  'linux/arm/v7',
  'linux/386',
  'linux/ppc64le',
  'linux/s390x',
  'linux/riscv64',
  'linux/mips64le',
  'linux/mips64',
  'linux/loong64',
  'windows/amd64',
  'windows/arm64',
]);

/** Validates and normalises platform strings (lower case, `linux/arm64/v8` kept as written); duplicates are dropped. */
export function parsePlatforms(values: readonly string[], input: string): string[] {
  const result: string[] = [];
  for (const raw of values) {
    const platform = raw.trim().toLowerCase();
    if (!KNOWN_PLATFORMS.has(platform)) {
      throw new InputError(input, raw, `a platform os/arch[/variant], one of ${[...KNOWN_PLATFORMS].join(', ')}`);
    }
    if (!result.includes(platform)) result.push(platform);
  }
  return result;
}

/** `linux/arm/v7` -> `linux-arm-v7`: safe in cache scopes, tags and directory names. */
export function platformSlug(platform: string): string {
  return platform.replace(/\//g, '-');
}
