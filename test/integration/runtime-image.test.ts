import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dpkgReport, parseDpkgStatus } from '../../src/core/scan/dpkg-status.js';
import { renderCycloneDx } from '../../src/core/scan/sbom.js';
import { BuildahStore } from '../fixtures/image/buildah.js';
import { ROOT } from '../helpers/cli.js';
import { type BareRepo, createBareRepo, hasCommand, tempDir } from '../helpers/git.js';

// The runtime image the GitLab components run in, built here for real: a Debian rootfs
// from Debian's packages plus Node 24 from npm (no image registry is reachable), then the
// project's Containerfile on top with Trivy left out (its download needs GitHub).
const available = hasCommand('buildah') && hasCommand('mmdebstrap', ['--version']);
// mmdebstrap's root mode and `buildah run` with the capabilities a nested build needs: root only
// (.ci/run runs as root; GitHub's non-root runner user skips it, saying so).
const isRoot = process.getuid?.() === 0;
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const BASE = 'localhost/aegis-node-base:24';
const IMAGE = `localhost/aegis-actions:${VERSION}`;
// Capabilities a nested buildah needs in a `buildah run` chroot (mounts, chroot, device nodes).
const BUILD_CAPS = ['CAP_SYS_ADMIN', 'CAP_SYS_CHROOT', 'CAP_MKNOD'];

const KUSTOMIZATION =
  'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: registry.example.com/aegis/api # the API\n    newTag: "1.0.0"\n';

describe.skipIf(!available || !isRoot)(
  `the runtime image, built from a Debian rootfs and the Containerfile${isRoot ? '' : ' (skipped: needs root)'}`,
  () => {
    let store: BuildahStore;
    let repo: BareRepo;
    let context: string;

    beforeAll(() => {
      store = new BuildahStore(tempDir('aegis-image-'));
      store.buildBase(BASE);
      store.buildRuntime(BASE, IMAGE, VERSION);
      repo = createBareRepo({ 'overlays/dev/kustomization.yaml': KUSTOMIZATION });
      // The job runs as the image's non-root `node` user (uid 1000): it must be able to write.
      chmodRecursive(repo.bare);
      context = tempDir('aegis-image-context-');
      writeFileSync(join(context, 'Containerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
      writeFileSync(join(context, 'hello.txt'), 'hello\n');
      chmodRecursive(context);
    }, 900_000);

    afterAll(() => {
      repo?.cleanup();
      if (context) rmSync(context, { recursive: true, force: true });
      if (store) rmSync(store.dir, { recursive: true, force: true });
    });

    test('size, layers and labels: non-root node user, Node 24, the version the catalog release carries', () => {
      const inspect = JSON.parse(store.buildah(['inspect', '--type', 'image', IMAGE]).stdout);
      const config = inspect.OCIv1.config;
      const labels = config.Labels as Record<string, string>;
      const layers = inspect.OCIv1.rootfs.diff_ids as string[];
      const size = store.buildah(['images', '--format', '{{.Size}}', IMAGE]).stdout.trim();
      console.log(`runtime image ${IMAGE}: ${size}, ${layers.length} layers, labels ${JSON.stringify(labels)}`);
      expect(config.User).toBe('node');
      expect(labels['org.opencontainers.image.version']).toBe(VERSION);
      expect(labels['org.opencontainers.image.base.name']).toBe(BASE);
      expect(labels['org.opencontainers.image.licenses']).toBe('MIT');
      expect(layers.length).toBeGreaterThanOrEqual(2);
      const node = store.run(IMAGE, ['node', '--version']);
      expect(node.stdout.trim()).toMatch(/^v24\./);
      // Trivy was left out by the build argument; the release build keeps it.
      expect(store.run(IMAGE, ['sh', '-c', 'command -v trivy || echo absent']).stdout.trim()).toBe('absent');
    });

    test('aegis --help runs as the node user', () => {
      const result = store.run(IMAGE, ['aegis', '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Usage: aegis <stage>');
      expect(store.run(IMAGE, ['id', '-u']).stdout.trim()).toBe('1000');
    });

    test('gitops-bump in the image pushes to a bare repository mounted in', () => {
      const before = repo.tip();
      const result = store.run(
        IMAGE,
        [
          'aegis',
          'gitops-bump',
          '--repository',
          '/srv/gitops.git',
          '--paths',
          'overlays/dev',
          '--images',
          'registry.example.com/aegis/api:1.4.3',
        ],
        { volumes: [`${repo.bare}:/srv/gitops.git`] },
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('changed=true');
      expect(repo.tip()).not.toBe(before);
      expect(repo.show('overlays/dev/kustomization.yaml')).toBe(KUSTOMIZATION.replace('"1.0.0"', '"1.4.3"').trimEnd());
      expect(repo.message()).toContain('Aegis-Image: ');
    });

    test('the build stage builds a FROM scratch image with buildah inside the image (root job)', () => {
      const result = store.run(
        IMAGE,
        [
          'sh',
          '-c',
          'cd /ctx && aegis build --context . --dockerfile Containerfile --image localhost/nested --tags type=raw,value=t1 --builder buildah --push false --cache none',
        ],
        { user: '0', volumes: [`${context}:/ctx`], caps: BUILD_CAPS },
      );
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/digest=sha256:[0-9a-f]{64}/);
    });

    test('a rootless build as the node user is refused by the kernel inside a chroot, with a message naming why', () => {
      // user_namespaces(7): unshare(CLONE_NEWUSER) fails with EPERM for a chrooted process.
      // GitLab's Docker executor runs jobs in a real container, not a chroot, so this limit is ours.
      const result = store.run(IMAGE, ['sh', '-c', 'cd /ctx && buildah build --isolation chroot -t localhost/nested:2 .'], {
        volumes: [`${context}:/ctx`],
        caps: BUILD_CAPS,
      });
      expect(result.status).not.toBe(0);
      expect(result.stdout + result.stderr).toContain('unshare(CLONE_NEWUSER): Operation not permitted');
    });

    test("an SBOM of the image from its dpkg database, written by the scan stage's own renderer", () => {
      const status = store.run(IMAGE, ['cat', '/var/lib/dpkg/status']).stdout;
      const release = store.run(IMAGE, ['sh', '-c', '. /etc/os-release && echo "$ID $VERSION_ID"']).stdout.trim().split(' ');
      const packages = parseDpkgStatus(status);
      expect(packages.map((pkg) => pkg.name)).toEqual(expect.arrayContaining(['git', 'buildah', 'skopeo', 'ca-certificates']));
      const sbom = renderCycloneDx(dpkgReport(IMAGE, packages, { family: release[0] as string, name: release[1] as string })) as {
        bomFormat: string;
        components: { name: string; purl?: string }[];
      };
      expect(sbom.bomFormat).toBe('CycloneDX');
      const git = sbom.components.find((component) => component.name === 'git');
      expect(git?.purl).toMatch(/^pkg:deb\/debian\/git@.+\?arch=amd64&distro=debian-12$/);
      expect(sbom.components.length).toBeGreaterThanOrEqual(packages.length);
      console.log(`runtime image SBOM: ${packages.length} Debian packages`);
    });
  },
);

function chmodRecursive(dir: string): void {
  chmodSync(dir, 0o777);
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) chmodRecursive(path);
    else chmodSync(path, 0o666);
  }
}
