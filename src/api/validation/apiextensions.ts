// apiextensions.k8s.io/v1: the structure of CustomResourceDefinitions (names, group, versions, scope, schemas).

import { type Obj, bool, isObj, obj, objs, s, str, strs } from './access.ts';
import { type Errors, child, forbidden, immutable, index, invalid, key, notSupported, required } from './field.ts';
import { isDNS1035Label, isDNS1123Subdomain, type NameFn, nameIsDNSSubdomain } from './names.ts';

const columnTypes = ['integer', 'number', 'string', 'boolean', 'date'];
const columnFormats = ['int32', 'int64', 'float', 'double', 'byte', 'date', 'date-time', 'password'];

/** A CRD's name must be `<plural>.<group>` (and a DNS subdomain). */
export function crdNameFn(crd: Obj): NameFn {
  const spec = obj(crd, 'spec') ?? {};
  const want = `${s(obj(spec, 'names'), 'plural')}.${s(spec, 'group')}`;
  return (name, prefix) => {
    const msgs = nameIsDNSSubdomain(name, prefix);
    if (name !== want) msgs.push('must be spec.names.plural+"."+spec.group');
    return msgs;
  };
}

/** Structural-schema basics: an object at the root, a type on every property and array item. */
function validateStructural(schema: Obj, path: string, root: boolean): Errors {
  const errs: Errors = [];
  const type = s(schema, 'type');
  if (root) {
    if (!type) errs.push(required(child(path, 'type'), 'must not be empty at the root'));
    else if (type !== 'object') errs.push(invalid(child(path, 'type'), type, 'must be object at the root'));
  }
  const props = obj(schema, 'properties') ?? {};
  for (const [name, sub] of Object.entries(props)) {
    if (!isObj(sub)) continue;
    const p = key(child(path, 'properties'), name);
    if (!s(sub, 'type') && bool(sub, 'x-kubernetes-int-or-string') !== true && bool(sub, 'x-kubernetes-preserve-unknown-fields') !== true) {
      errs.push(required(child(p, 'type'), 'must not be empty for specified object fields'));
    }
    errs.push(...validateStructural(sub, p, false));
  }
  const items = obj(schema, 'items');
  if (items) {
    const p = child(path, 'items');
    if (!s(items, 'type') && bool(items, 'x-kubernetes-int-or-string') !== true && bool(items, 'x-kubernetes-preserve-unknown-fields') !== true) {
      errs.push(required(child(p, 'type'), 'must not be empty for specified array items'));
    }
    errs.push(...validateStructural(items, p, false));
  }
  const additional = obj(schema, 'additionalProperties');
  if (additional) errs.push(...validateStructural(additional, child(path, 'additionalProperties'), false));
  return errs;
}

function validateVersion(version: Obj, path: string): Errors {
  const errs: Errors = [];
  const schema = obj(obj(version, 'schema'), 'openAPIV3Schema');
  const sp = child(path, 'schema', 'openAPIV3Schema');
  if (!schema) errs.push(required(sp, 'schemas are required'));
  else errs.push(...validateStructural(schema, sp, true));
  const scale = obj(obj(version, 'subresources'), 'scale');
  if (scale) {
    const scp = child(path, 'subresources', 'scale');
    for (const f of ['specReplicasPath', 'statusReplicasPath']) {
      const v = s(scale, f);
      if (!v) errs.push(required(child(scp, f), ''));
      else if (!v.startsWith(f === 'specReplicasPath' ? '.spec.' : '.status.')) {
        errs.push(invalid(child(scp, f), v, `should be a json path under ${f === 'specReplicasPath' ? '.spec' : '.status'}`));
      }
    }
  }
  for (const [col, i] of objs(version, 'additionalPrinterColumns')) {
    const cp = index(child(path, 'additionalPrinterColumns'), i);
    if (!s(col, 'name')) errs.push(required(child(cp, 'name')));
    const t = s(col, 'type');
    if (!t) errs.push(required(child(cp, 'type'), `must be one of ${columnTypes.join(', ')}`));
    else if (!columnTypes.includes(t)) errs.push(notSupported(child(cp, 'type'), t, columnTypes));
    const f = str(col, 'format');
    if (f && !columnFormats.includes(f)) errs.push(notSupported(child(cp, 'format'), f, columnFormats));
    if (!s(col, 'jsonPath')) errs.push(required(child(cp, 'JSONPath')));
  }
  return errs;
}

function validateNames(names: Obj): Errors {
  const errs: Errors = [];
  const p = 'spec.names';
  for (const f of ['plural', 'singular', 'kind', 'listKind']) if (!s(names, f)) errs.push(required(`${p}.${f}`));
  for (const f of ['plural', 'singular']) {
    const v = s(names, f);
    const e = isDNS1035Label(v);
    if (v && e.length) errs.push(invalid(`${p}.${f}`, v, e.join(',')));
  }
  for (const f of ['kind', 'listKind']) {
    const v = s(names, f);
    const e = isDNS1035Label(v.toLowerCase());
    if (v && e.length) errs.push(invalid(`${p}.${f}`, v, `may have mixed case, but should otherwise match: ${e.join(',')}`));
  }
  for (const f of ['shortNames', 'categories']) {
    strs(names, f).forEach((v, i) => {
      const e = isDNS1035Label(v);
      if (e.length) errs.push(invalid(index(`${p}.${f}`, i), v, e.join(',')));
    });
  }
  if (s(names, 'kind') && s(names, 'kind') === s(names, 'listKind')) errs.push(invalid(`${p}.listKind`, s(names, 'listKind'), 'kind and listKind may not be the same'));
  return errs;
}

export function validateCRD(crd: Obj): Errors {
  const spec = obj(crd, 'spec') ?? {};
  const errs: Errors = [];
  const group = s(spec, 'group');
  if (!group) errs.push(required('spec.group'));
  else if (isDNS1123Subdomain(group).length) errs.push(invalid('spec.group', group, isDNS1123Subdomain(group).join(',')));
  else if (group.split('.').length < 2) errs.push(invalid('spec.group', group, 'should be a domain with at least one dot'));
  const scope = s(spec, 'scope');
  if (!scope) errs.push(required('spec.scope'));
  else if (scope !== 'Cluster' && scope !== 'Namespaced') errs.push(notSupported('spec.scope', scope, ['Cluster', 'Namespaced']));
  const versions = objs(spec, 'versions');
  const seen = new Set<string>();
  let unique = true;
  let storage = 0;
  for (const [v, i] of versions) {
    const name = s(v, 'name');
    if (bool(v, 'storage') === true) storage++;
    if (seen.has(name)) unique = false;
    seen.add(name);
    const e = isDNS1035Label(name);
    if (e.length) errs.push(invalid(`spec.versions[${i}].name`, name, e.join(',')));
    errs.push(...validateVersion(v, index('spec.versions', i)));
  }
  if (!unique) errs.push(invalid('spec.versions', spec.versions ?? null, 'must contain unique version names'));
  if (storage !== 1) errs.push(invalid('spec.versions', spec.versions ?? null, 'must have exactly one version marked as storage version'));
  errs.push(...validateNames(obj(spec, 'names') ?? {}));
  const conv = obj(spec, 'conversion');
  if (conv) {
    const strategy = s(conv, 'strategy');
    if (!strategy) errs.push(required('spec.conversion.strategy'));
    else if (strategy !== 'None' && strategy !== 'Webhook') errs.push(notSupported('spec.conversion.strategy', strategy, ['None', 'Webhook']));
    const webhook = obj(conv, 'webhook');
    if (strategy === 'Webhook' && !webhook) errs.push(required('spec.conversion.webhook', 'required when strategy is set to Webhook'));
    if (strategy !== 'Webhook' && webhook) errs.push(forbidden('spec.conversion.webhook', 'should not be set when strategy is not set to Webhook'));
  }
  errs.push(...validateStoredVersions(crd));
  return errs;
}

function validateStoredVersions(crd: Obj): Errors {
  const stored = strs(obj(crd, 'status'), 'storedVersions');
  const path = 'status.storedVersions';
  if (stored.length === 0) return [invalid(path, stored, 'must have at least one stored version')];
  const errs: Errors = [];
  const remaining = new Map(stored.map((v, i) => [v, i]));
  for (const [v] of objs(obj(crd, 'spec'), 'versions')) {
    const name = s(v, 'name');
    if (bool(v, 'storage') === true && !remaining.has(name) && !stored.includes(name)) errs.push(invalid(path, v, `must have the storage version ${name}`));
    remaining.delete(name);
  }
  for (const [v, i] of remaining) errs.push(invalid(index(path, i), v, 'must appear in spec.versions'));
  return errs;
}

function established(crd: Obj): boolean {
  return objs(obj(crd, 'status'), 'conditions').some(([c]) => s(c, 'type') === 'Established' && s(c, 'status') === 'True');
}

export function validateCRDUpdate(crd: Obj, old: Obj): Errors {
  const spec = obj(crd, 'spec') ?? {};
  const oldSpec = obj(old, 'spec') ?? {};
  const errs = validateCRD(crd);
  if (established(old)) {
    errs.push(...immutable(spec.scope ?? '', oldSpec.scope ?? '', 'spec.scope'));
    errs.push(...immutable(obj(spec, 'names')?.kind ?? '', obj(oldSpec, 'names')?.kind ?? '', 'spec.names.kind'));
  }
  errs.push(...immutable(spec.group ?? '', oldSpec.group ?? '', 'spec.group'));
  errs.push(...immutable(obj(spec, 'names')?.plural ?? '', obj(oldSpec, 'names')?.plural ?? '', 'spec.names.plural'));
  return errs;
}

