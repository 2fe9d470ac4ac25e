import { FileError } from '../errors.js';
import type { ServiceSpec } from './manifest.js';

/**
 * Checks `depends-on`: every name exists and there is no cycle. Returns, for each service,
 * the services that depend on it directly (the edges change propagates along).
 */
export function dependentsOf(services: readonly ServiceSpec[], file = 'services manifest'): Map<string, string[]> {
  const byName = new Map(services.map((service) => [service.name, service]));
  const dependents = new Map<string, string[]>(services.map((service) => [service.name, []]));
  for (const service of services) {
    for (const dependency of service.dependsOn) {
      if (!byName.has(dependency)) {
        throw new FileError(
          file,
          `service '${service.name}' depends on '${dependency}', which is not a service in the manifest`,
          service.line,
        );
      }
      if (dependency === service.name) throw new FileError(file, `service '${service.name}' depends on itself`, service.line);
      dependents.get(dependency)?.push(service.name);
    }
  }
  assertAcyclic(services, byName, file);
  return dependents;
}

function assertAcyclic(services: readonly ServiceSpec[], byName: Map<string, ServiceSpec>, file: string): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    const current = state.get(name);
    if (current === 'done') return;
    if (current === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(name)), name];
      throw new FileError(file, `depends-on has a cycle: ${cycle.join(' → ')}`, byName.get(name)?.line);
    }
    state.set(name, 'visiting');
    stack.push(name);
    for (const dependency of byName.get(name)?.dependsOn ?? []) visit(dependency);
    stack.pop();
    state.set(name, 'done');
  };
  for (const service of services) visit(service.name);
}

/**
 * Everything reached from `changed` through dependents, breadth first, so each service
 * records the shortest chain that reached it: `via` is [changed service, …, direct dependency].
 */
export function propagate(changed: Iterable<string>, dependents: Map<string, string[]>): Map<string, string[]> {
  const via = new Map<string, string[]>();
  const queue: string[] = [];
  for (const name of changed) {
    via.set(name, []);
    queue.push(name);
  }
  for (let index = 0; index < queue.length; index++) {
    const name = queue[index] as string;
    for (const dependent of dependents.get(name) ?? []) {
      if (via.has(dependent)) continue;
      via.set(dependent, [...(via.get(name) as string[]), name]);
      queue.push(dependent);
    }
  }
  return via;
}
