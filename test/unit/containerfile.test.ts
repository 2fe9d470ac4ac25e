import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { definition as scan } from '../../src/stages/scan.js';
import { ROOT } from '../helpers/cli.js';

// The Containerfile cannot be built here (no network for the base image or the Trivy
// download), so its essentials are checked from its text: the instructions are parsed the
// way buildah parses them (continuations joined, comment lines dropped, ARG defaults
// substituted), and the RUN scripts are checked by `sh -n`.

interface Instruction {
  keyword: string;
  args: string;
}

function parseContainerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    current += current ? ` ${line.trim()}` : line.trim();
    if (current.endsWith('\\')) {
      current = current.slice(0, -1).trimEnd();
      continue;
    }
    if (current) {
      const [keyword, ...rest] = current.split(/\s+/);
      instructions.push({ keyword: (keyword as string).toUpperCase(), args: rest.join(' ') });
    }
    current = '';
  }
  return instructions;
}

/** Build stages: the instructions after each FROM, with the global ARGs before the first FROM. */
function stagesOf(instructions: Instruction[]) {
  const globalArgs = new Map<string, string>();
  const stages: { from: string; name?: string; body: Instruction[] }[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args.split(/\s+/);
      const from = (image as string).replace(/\$\{(\w+)\}/g, (_, arg: string) => globalArgs.get(arg) ?? '');
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, body: [] });
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      const [name, value = ''] = instruction.args.split('=');
      globalArgs.set(name as string, value);
    } else stages.at(-1)?.body.push(instruction);
  }
  return stages;
}

function argDefault(body: Instruction[], name: string): string | undefined {
  const arg = body.find((instruction) => instruction.keyword === 'ARG' && instruction.args.split('=')[0] === name);
  return arg?.args.slice(name.length + 1).replace(/^"|"$/g, '');
}

function envOf(body: Instruction[]): Map<string, string> {
  const env = new Map<string, string>();
  for (const instruction of body.filter((i) => i.keyword === 'ENV'))
    for (const [, name, value] of instruction.args.matchAll(/(\w+)=("[^"]*"|\S+)/g))
      env.set(name as string, (value as string).replace(/^"|"$/g, ''));
  return env;
}

const TEXT = readFileSync(join(ROOT, 'Containerfile'), 'utf8');
const INSTRUCTIONS = parseContainerfile(TEXT);
const STAGES = stagesOf(INSTRUCTIONS);
const RUNTIME = STAGES.at(-1)?.body ?? [];
const TRIVY = STAGES.find((stage) => stage.name === 'trivy-install')?.body ?? [];

describe('Containerfile', () => {
  test('the runtime image is Node 24', () => {
    expect(STAGES.at(-1)?.from).toMatch(/^(docker\.io\/)?(library\/)?node:24([.-]|$)/);
  });

  test('dist/ is copied to the path the GitLab components run, and AEGIS_DIST names it', () => {
    const defaults = new Set(
      readdirSync(join(ROOT, 'gitlab-components/templates')).flatMap((file) =>
        [...readFileSync(join(ROOT, 'gitlab-components/templates', file), 'utf8').matchAll(/\$\{AEGIS_DIST:-([^}]+)\}/g)].map((m) => m[1]),
      ),
    );
    expect(defaults.size).toBe(1);
    const [path] = defaults as Set<string>;
    const copy = RUNTIME.find((instruction) => instruction.keyword === 'COPY' && /^dist\/?\s/.test(instruction.args));
    expect(copy?.args.split(/\s+/).at(-1)?.replace(/\/$/, '')).toBe(path);
    expect(envOf(RUNTIME).get('AEGIS_DIST')).toBe(path);
  });

  test("Trivy's version is the scan stage's trivy-version default", () => {
    const version = scan.inputs['trivy-version']?.default;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(argDefault(TRIVY, 'TRIVY_VERSION')).toBe(version);
  });

  test('the Trivy archive is checksum-verified before it is unpacked, and the binary lands on PATH', () => {
    const script = TRIVY.filter((instruction) => instruction.keyword === 'RUN')
      .map((instruction) => instruction.args)
      .join('\n');
    const download = script.indexOf('checksums.txt');
    const verify = script.indexOf('sha256sum -c');
    const unpack = script.indexOf('tar -xzf');
    expect(download).toBeGreaterThan(-1);
    expect(verify).toBeGreaterThan(download);
    expect(unpack).toBeGreaterThan(verify);
    expect(script).toMatch(/curl -f/); // HTTP errors fail the build instead of saving an error page
    expect(script).toMatch(/install -D -m 0755 trivy \/opt\/trivy\/bin\/trivy/);
    expect(RUNTIME).toContainEqual({ keyword: 'COPY', args: '--from=trivy /opt/trivy/bin/ /usr/local/bin/' });
  });

  test('Trivy is optional by build argument: install by default (releases), none where it cannot be downloaded', () => {
    const globalArgs = INSTRUCTIONS.slice(
      0,
      INSTRUCTIONS.findIndex((instruction) => instruction.keyword === 'FROM'),
    );
    expect(globalArgs).toContainEqual({ keyword: 'ARG', args: 'TRIVY=install' });
    expect(STAGES.map((stage) => stage.name)).toEqual(expect.arrayContaining(['trivy-install', 'trivy-none', 'trivy']));
    expect(STAGES.find((stage) => stage.name === 'trivy')?.from).toBe('trivy-install');
    const none = STAGES.find((stage) => stage.name === 'trivy-none')?.body ?? [];
    expect(none).toEqual([{ keyword: 'RUN', args: 'mkdir -p /opt/trivy/bin' }]);
  });

  test('git, buildah and skopeo are installed, buildah set up for vfs storage without privileges', () => {
    const install = RUNTIME.filter((instruction) => instruction.keyword === 'RUN')
      .map((instruction) => instruction.args)
      .join('\n');
    for (const tool of ['git', 'buildah', 'skopeo', 'uidmap']) expect(install).toMatch(new RegExp(`apt-get install[^;]*\\s${tool}(\\s|;)`));
    expect(install).toContain('driver = "vfs"');
    expect(envOf(RUNTIME).get('STORAGE_DRIVER')).toBe('vfs');
    expect(envOf(RUNTIME).get('BUILDAH_ISOLATION')).toBe('chroot');
  });

  test('carries the OCI labels and runs as a non-root user', () => {
    const labels = RUNTIME.filter((instruction) => instruction.keyword === 'LABEL')
      .map((instruction) => instruction.args)
      .join(' ');
    for (const key of ['title', 'description', 'source', 'licenses', 'version', 'revision'])
      expect(labels).toContain(`org.opencontainers.image.${key}=`);
    const user = RUNTIME.filter((instruction) => instruction.keyword === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  test('every RUN script is valid sh', () => {
    const scripts = INSTRUCTIONS.filter((instruction) => instruction.keyword === 'RUN').map((instruction) => instruction.args);
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const script of scripts) expect(() => execFileSync('sh', ['-n', '-c', script], { stdio: 'pipe' }), script).not.toThrow();
  });
});

describe('the Containerfile parser', () => {
  test('joins continuations, drops comments and substitutes global ARGs in FROM', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Containerfile ARG reference
    const instructions = parseContainerfile('ARG BASE=node:24\n# c\nFROM ${BASE} AS one\nRUN a \\\n    # inside\n    b\nENV X=1 Y="two"\n');
    expect(instructions).toEqual([
      { keyword: 'ARG', args: 'BASE=node:24' },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Containerfile ARG reference
      { keyword: 'FROM', args: '${BASE} AS one' },
      { keyword: 'RUN', args: 'a b' },
      { keyword: 'ENV', args: 'X=1 Y="two"' },
    ]);
    const [stage] = stagesOf(instructions);
    expect(stage?.from).toBe('node:24');
    expect(stage?.name).toBe('one');
    expect(Object.fromEntries(envOf(stage?.body ?? []))).toEqual({ X: '1', Y: 'two' });
  });
});
