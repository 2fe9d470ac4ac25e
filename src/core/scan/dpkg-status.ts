import type { TrivyPackage, TrivyReport } from './report.js';

/** One installed package from a dpkg status database (/var/lib/dpkg/status). */
export interface DpkgPackage {
  name: string;
  version: string;
  architecture: string;
  source?: string;
}

/** Parses the paragraphs of a dpkg status file; only packages whose status is "installed". */
export function parseDpkgStatus(text: string): DpkgPackage[] {
  const packages: DpkgPackage[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of paragraph.split('\n')) {
      const match = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
      if (match) fields.set((match[1] as string).toLowerCase(), match[2] as string);
    }
    const name = fields.get('package');
    const version = fields.get('version');
    if (!name || !version || !/\binstalled$/.test(fields.get('status') ?? '')) continue;
    packages.push({ name, version, architecture: fields.get('architecture') ?? 'all', source: fields.get('source')?.split(' ')[0] });
  }
  return packages.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A Trivy-shaped report listing an image's OS packages (no vulnerabilities), so the scan
 * stage's own SBOM renderers can describe an image from its package database alone.
 */
export function dpkgReport(artifactName: string, packages: readonly DpkgPackage[], os: { family: string; name: string }): TrivyReport {
  const listed: TrivyPackage[] = packages.map((pkg) => ({
    ID: `${pkg.name}@${pkg.version}`,
    Name: pkg.name,
    Version: pkg.version,
    Identifier: {
      PURL: `pkg:deb/${os.family}/${encodeURIComponent(pkg.name)}@${encodeURIComponent(pkg.version)}?arch=${pkg.architecture}&distro=${os.family}-${os.name}`,
    },
  }));
  return {
    SchemaVersion: 2,
    ArtifactName: artifactName,
    ArtifactType: 'container_image',
    Metadata: { OS: { Family: os.family, Name: os.name } },
    Results: [{ Target: `${artifactName} (${os.family} ${os.name})`, Class: 'os-pkgs', Type: os.family, Packages: listed }],
  };
}
