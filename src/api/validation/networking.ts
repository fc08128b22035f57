// networking.k8s.io/v1: Ingresses (rules, paths, pathType, backends, TLS), IngressClasses and NetworkPolicies.

import { type Obj, has, intOrString, num, obj, objs, s, str, strs } from './access.ts';
import {
  type Errors, child, forbidden, immutable, index, invalid, notSupported, required, tooLong,
} from './field.ts';
import {
  byteLength, cidrContains, isDNS1035Label, isDNS1123Subdomain, isDomainPrefixedPath, isValidPathSegmentName,
  isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, nameIsDNSLabel, nameIsDNSSubdomain, parseCIDR, parseIP,
} from './names.ts';
import { validateLabelSelector } from './selector.ts';

const pathTypes = ['Exact', 'ImplementationSpecific', 'Prefix'];
const invalidPathSequences = ['//', '/./', '/../', '%2f', '%2F'];
const invalidPathSuffixes = ['/..', '/.'];

function validateTypedRef(ref: Obj, path: string): Errors {
  const errs: Errors = [];
  const group = str(ref, 'apiGroup');
  if (group !== undefined) for (const m of isDNS1123Subdomain(group)) errs.push(invalid(child(path, 'apiGroup'), group, m));
  for (const f of ['kind', 'name']) {
    const v = s(ref, f);
    if (!v) errs.push(required(child(path, f), `${f} is required`));
    else for (const m of isValidPathSegmentName(v)) errs.push(invalid(child(path, f), v, m));
  }
  return errs;
}

function validateBackend(backend: Obj, path: string): Errors {
  const resource = obj(backend, 'resource');
  const service = obj(backend, 'service');
  if (resource && service) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (resource) return validateTypedRef(resource, child(path, 'resource'));
  if (!service) return [invalid(path, '', 'resource or service backend is required')];
  const errs: Errors = [];
  const name = s(service, 'name');
  if (!name) errs.push(required(child(path, 'service', 'name')));
  else for (const m of isDNS1035Label(name)) errs.push(invalid(child(path, 'service', 'name'), name, m));
  const port = obj(service, 'port') ?? {};
  const portName = s(port, 'name');
  const portNum = num(port, 'number') ?? 0;
  if (portName && portNum) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName) for (const m of isValidPortName(portName)) errs.push(invalid(child(path, 'service', 'port', 'name'), portName, m));
  else if (portNum) for (const m of isValidPortNum(portNum)) errs.push(invalid(child(path, 'service', 'port', 'number'), portNum, m));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

function validateHTTPPath(p: Obj, path: string): Errors {
  const pathType = str(p, 'pathType');
  if (pathType === undefined) return [required(child(path, 'pathType'), 'pathType must be specified')];
  const errs: Errors = [];
  const value = s(p, 'path');
  if (pathType === 'Exact' || pathType === 'Prefix') {
    if (!value.startsWith('/')) errs.push(invalid(child(path, 'path'), value, 'must be an absolute path'));
    if (value) {
      for (const seq of invalidPathSequences) if (value.includes(seq)) errs.push(invalid(child(path, 'path'), value, `must not contain '${seq}'`));
      for (const suf of invalidPathSuffixes) if (value.endsWith(suf)) errs.push(invalid(child(path, 'path'), value, `cannot end with '${suf}'`));
    }
  } else if (pathType === 'ImplementationSpecific') {
    if (value && !value.startsWith('/')) errs.push(invalid(child(path, 'path'), value, 'must be an absolute path'));
  } else {
    errs.push(notSupported(child(path, 'pathType'), pathType, pathTypes));
  }
  return [...errs, ...validateBackend(obj(p, 'backend') ?? {}, child(path, 'backend'))];
}

export function validateIngress(ing: Obj): Errors {
  const spec = obj(ing, 'spec') ?? {};
  const errs: Errors = [];
  const rules = objs(spec, 'rules');
  if (rules.length === 0 && !has(spec, 'defaultBackend')) errs.push(invalid('spec', spec.rules ?? null, 'either `defaultBackend` or `rules` must be specified'));
  const db = obj(spec, 'defaultBackend');
  if (db) errs.push(...validateBackend(db, 'spec.defaultBackend'));
  for (const [rule, i] of rules) {
    const rp = index('spec.rules', i);
    const host = s(rule, 'host');
    if (host) {
      if (parseIP(host)) errs.push(invalid(child(rp, 'host'), host, 'must be a DNS name, not an IP address'));
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const m of msgs) errs.push(invalid(child(rp, 'host'), host, m));
    }
    const http = obj(rule, 'http');
    if (!http) continue;
    const paths = objs(http, 'paths');
    if (paths.length === 0) errs.push(required(child(rp, 'http', 'paths')));
    for (const [p, j] of paths) errs.push(...validateHTTPPath(p, index(child(rp, 'http', 'paths'), j)));
  }
  for (const [tls, i] of objs(spec, 'tls')) {
    const tp = index('spec.tls', i);
    strs(tls, 'hosts').forEach((h, j) => {
      const msgs = h.includes('*') ? isWildcardDNS1123Subdomain(h) : isDNS1123Subdomain(h);
      for (const m of msgs) errs.push(invalid(index(child(tp, 'hosts'), j), h, m));
    });
    const secret = s(tls, 'secretName');
    if (secret) for (const m of nameIsDNSSubdomain(secret, false)) errs.push(invalid(child(tp, 'secretName'), secret, m));
  }
  const cls = str(spec, 'ingressClassName');
  if (cls !== undefined) for (const m of nameIsDNSSubdomain(cls, false)) errs.push(invalid('spec.ingressClassName', cls, m));
  return errs;
}

export function validateIngressCreate(ing: Obj): Errors {
  const errs = validateIngress(ing);
  const ann = obj(obj(ing, 'metadata'), 'annotations') ?? {};
  const cls = ann['kubernetes.io/ingress.class'];
  if (cls !== undefined && has(obj(ing, 'spec'), 'ingressClassName')) {
    errs.push(invalid('annotations.kubernetes.io/ingress.class', cls, 'can not be set when the class field is also set'));
  }
  return errs;
}

export function validateIngressClass(ic: Obj): Errors {
  const spec = obj(ic, 'spec') ?? {};
  const errs: Errors = [];
  const controller = s(spec, 'controller');
  if (byteLength(controller) > 250) errs.push(tooLong('spec.controller', 250));
  errs.push(...isDomainPrefixedPath('spec.controller', controller));
  const params = obj(spec, 'parameters');
  if (params) {
    const pp = 'spec.parameters';
    errs.push(...validateTypedRef(params, pp));
    const scope = str(params, 'scope');
    if (scope === undefined) return [...errs, required(`${pp}.scope`)];
    if (scope !== 'Cluster' && scope !== 'Namespace') {
      errs.push(notSupported(`${pp}.scope`, scope, ['Cluster', 'Namespace']));
    } else if (scope === 'Namespace') {
      const ns = str(params, 'namespace');
      if (ns === undefined) errs.push(required(`${pp}.namespace`, "`parameters.scope` is set to 'Namespace'"));
      else for (const m of nameIsDNSLabel(ns, false)) errs.push(invalid(`${pp}.namespace`, ns, m));
    } else if (has(params, 'namespace')) {
      errs.push(forbidden(`${pp}.namespace`, "`parameters.scope` is set to 'Cluster'"));
    }
  }
  return errs;
}

export function validateIngressClassUpdate(ic: Obj, old: Obj): Errors {
  return [...immutable(obj(ic, 'spec')?.controller ?? '', obj(old, 'spec')?.controller ?? '', 'spec.controller'), ...validateIngressClass(ic)];
}

function validatePolicyPort(port: Obj, path: string): Errors {
  const errs: Errors = [];
  const proto = str(port, 'protocol');
  if (proto !== undefined && !['TCP', 'UDP', 'SCTP'].includes(proto)) errs.push(notSupported(child(path, 'protocol'), proto, ['TCP', 'UDP', 'SCTP']));
  const p = intOrString(port, 'port');
  const endPort = num(port, 'endPort');
  if (p?.kind === 'int') {
    for (const m of isValidPortNum(p.value)) errs.push(invalid(child(path, 'port'), p.value, m));
    if (endPort !== undefined) {
      if (endPort < p.value) errs.push(invalid(child(path, 'endPort'), p.value, 'must be greater than or equal to `port`'));
      for (const m of isValidPortNum(endPort)) errs.push(invalid(child(path, 'endPort'), endPort, m));
    }
  } else if (p?.kind === 'string') {
    if (endPort !== undefined) errs.push(invalid(child(path, 'endPort'), endPort, 'may not be specified when `port` is non-numeric'));
    for (const m of isValidPortName(p.value)) errs.push(invalid(child(path, 'port'), p.value, m));
  } else if (endPort !== undefined) {
    errs.push(invalid(child(path, 'endPort'), endPort, 'may not be specified when `port` is not specified'));
  }
  return errs;
}

function validateIPBlock(block: Obj, path: string): Errors {
  const cidr = s(block, 'cidr');
  if (!cidr) return [required(child(path, 'cidr'))];
  const outer = parseCIDR(cidr);
  if (!outer) return [invalid(child(path, 'cidr'), cidr, 'not a valid CIDR')];
  const errs: Errors = [];
  for (const [ex, i] of strs(block, 'except').map((e, i) => [e, i] as const)) {
    const ep = index(child(path, 'except'), i);
    const inner = parseCIDR(ex);
    if (!inner) return [...errs, invalid(ep, ex, 'not a valid CIDR')];
    if (inner.family !== outer.family || !cidrContains(outer, inner.bytes) || outer.prefix >= inner.prefix) {
      errs.push(invalid(ep, ex, 'must be a strict subset of `cidr`'));
    }
  }
  return errs;
}

function validatePeer(peer: Obj, path: string): Errors {
  const errs: Errors = [];
  let n = 0;
  for (const f of ['podSelector', 'namespaceSelector']) {
    if (!has(peer, f)) continue;
    n++;
    errs.push(...validateLabelSelector(peer[f], child(path, f)));
  }
  const block = obj(peer, 'ipBlock');
  if (block) {
    n++;
    errs.push(...validateIPBlock(block, child(path, 'ipBlock')));
  }
  if (n === 0) errs.push(required(path, 'must specify a peer'));
  else if (n > 1 && block) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

export function validateNetworkPolicy(np: Obj): Errors {
  const spec = obj(np, 'spec') ?? {};
  const errs: Errors = [...validateLabelSelector(spec.podSelector ?? {}, 'spec.podSelector')];
  for (const [dir, peersKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
    for (const [rule, i] of objs(spec, dir)) {
      const rp = index(`spec.${dir}`, i);
      for (const [port, j] of objs(rule, 'ports')) errs.push(...validatePolicyPort(port, index(child(rp, 'ports'), j)));
      for (const [peer, j] of objs(rule, peersKey)) errs.push(...validatePeer(peer, index(child(rp, peersKey), j)));
    }
  }
  const types = strs(spec, 'policyTypes');
  if (types.length > 2) return [...errs, invalid('spec.policyTypes', types, 'may not specify more than two policyTypes')];
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']));
  });
  return errs;
}
