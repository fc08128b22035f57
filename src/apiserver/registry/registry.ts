// The set of resources being served (built-in and custom), looked up by group/version/resource or kind.

import type { ResourceDef } from './resource-def.ts';

export class ResourceRegistry {
  #byGVR = new Map<string, ResourceDef>();
  #listeners = new Set<() => void>();
  #generation = 0;

  add(def: ResourceDef): void {
    this.#byGVR.set(`${def.group}/${def.version}/${def.resource}`, def);
    this.#changed();
  }

  remove(group: string, version: string, resource: string): void {
    if (this.#byGVR.delete(`${group}/${version}/${resource}`)) this.#changed();
  }

  get(group: string, version: string, resource: string): ResourceDef | undefined {
    return this.#byGVR.get(`${group}/${version}/${resource}`);
  }

  /** The served version of a group's resource preferred for storage/identity (first registered). */
  anyVersion(group: string, resource: string): ResourceDef | undefined {
    for (const d of this.#byGVR.values()) if (d.group === group && d.resource === resource) return d;
    return undefined;
  }

  all(): ResourceDef[] {
    return [...this.#byGVR.values()];
  }

  /** Group → versions in preference order (as registered). */
  groups(): Map<string, string[]> {
    const m = new Map<string, string[]>();
    for (const d of this.#byGVR.values()) {
      const vs = m.get(d.group) ?? [];
      if (!vs.includes(d.version)) vs.push(d.version);
      m.set(d.group, vs);
    }
    return m;
  }

  /** Increases whenever the served set changes (discovery and OpenAPI caches key on it). */
  get generation(): number {
    return this.#generation;
  }

  onChange(fn: () => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #changed(): void {
    this.#generation++;
    for (const fn of this.#listeners) fn();
  }
}
