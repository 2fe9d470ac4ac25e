import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { COMPONENT_PREFIX, runGitlabCiLocal } from '../helpers/gitlab-ci-local.js';

// GitLab refuses a dotenv report over 5,120 bytes (artifacts:reports:dotenv). A monorepo of
// 60 services, all changed, through the real gitlab-ci-local and the detect component: the
// report stays small, and the child pipeline GitLab runs has a job per service.

const SERVICES = 60;
const GITLAB_DOTENV_LIMIT = 5120;
const names = Array.from({ length: SERVICES }, (_, index) => `payments-service-${String(index).padStart(2, '0')}`);

function findFile(dir: string, name: string): string | undefined {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      const found = findFile(path, name);
      if (found) return found;
    } else if (entry === name) return path;
  }
  return undefined;
}

describe('detect component with 60 changed services', () => {
  test('the dotenv report stays under 5,120 bytes and the child pipeline has 60 jobs', async () => {
    const manifest = `services:\n${names.map((name) => `  ${name}:\n    path: services/${name}\n    image: registry.example.com/acme/${name}\n    team: payments-platform\n`).join('')}`;
    const template = `build-{{service}}:\n  stage: build\n  script:\n    - echo "child builds $AEGIS_SERVICE into $AEGIS_IMAGE"\n`;
    const initial: Record<string, string> = { '.aegis/services.yaml': manifest, '.aegis/child.yml': template };
    const changed: Record<string, string> = {};
    for (const name of names) {
      initial[`services/${name}/main.go`] = 'package main\n';
      changed[`services/${name}/main.go`] = 'package main // changed\n';
    }
    const result = await runGitlabCiLocal(
      `include:
  - component: ${COMPONENT_PREFIX}/detect@1.0.0
    inputs:
      base: HEAD~1
      child-pipeline-template: .aegis/child.yml
stages: [build, report]
show:
  stage: report
  needs: [aegis-detect]
  script:
    - echo "has-changes=$AEGIS_HAS_CHANGES services-file=$AEGIS_SERVICES_FILE"
`,
      { history: [{ message: 'initial', files: initial }], files: changed },
    );
    try {
      expect(result.exitCode, result.output).toBe(0);
      expect(result.output).toContain('has-changes=true services-file=.aegis-out/detect/services.json');
      const artifacts = join(result.project, '.gitlab-ci-local');
      const dotenv = findFile(artifacts, 'aegis-detect.env') ?? join(result.project, 'aegis-detect.env');
      const report = readFileSync(dotenv);
      expect(report.length).toBeLessThan(GITLAB_DOTENV_LIMIT);
      const child = parse(
        readFileSync(findFile(artifacts, 'child-pipeline.yml') ?? join(result.project, '.aegis-out/detect/child-pipeline.yml'), 'utf8'),
      );
      const jobs = Object.keys(child).filter((key) => key.startsWith('build-'));
      expect(jobs).toHaveLength(SERVICES);
      expect(jobs).toEqual(names.map((name) => `build-${name}`));
      // and GitLab (gitlab-ci-local) ran every one of them
      for (const name of names) expect(result.output).toContain(`child builds ${name} into registry.example.com/acme/${name}`);
      expect(JSON.parse(readFileSync(join(result.project, '.aegis-out/detect/services.json'), 'utf8'))).toEqual(names);
    } finally {
      result.cleanup();
    }
  });
});
