// Services and Endpoints: ports, types, cluster IPs and families, traffic policies, session affinity.

import { type Obj, has, num, obj, objs, s, str, strMap, strs } from './access.ts';
import {
  type Errors, child, duplicate, forbidden, index, invalid, notSupported, required,
} from './field.ts';
import { validateLabels, validateQualifiedName } from './meta.ts';
import { isDNS1123Label, isDNS1123Subdomain, isValidCIDR, isValidIP, isValidPortNum, nameIsDNSSubdomain, parseIP } from './names.ts';
import { validatePortNumOrName } from './core-container.ts';

const protocols = ['SCTP', 'TCP', 'UDP'];
const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const ipFamilies = ['IPv4', 'IPv6'];
const ipFamilyPolicies = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

function isHeadless(spec: Obj): boolean {
  const ips = strs(spec, 'clusterIPs');
  return ips.length === 1 && ips[0] === 'None';
}

function externallyAccessible(spec: Obj): boolean {
  const t = s(spec, 'type');
  return t === 'LoadBalancer' || t === 'NodePort' || (t === 'ClusterIP' && strs(spec, 'externalIPs').length > 0);
}

function needsHealthCheck(spec: Obj): boolean {
  return s(spec, 'type') === 'LoadBalancer' && s(spec, 'externalTrafficPolicy') === 'Local';
}

/** Rejects unspecified, loopback and link-local addresses (ValidateNonSpecialIP). */
export function validateNonSpecialIP(ip: string, path: string): Errors {
  const p = parseIP(ip);
  if (!p) return [invalid(path, ip, 'must be a valid IP address')];
  const b = p.bytes;
  const errs: Errors = [];
  if (b.every((x) => x === 0)) errs.push(invalid(path, ip, `may not be unspecified (${ip})`));
  const loopback = p.family === 4 ? b[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
  if (loopback) errs.push(invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  const linkLocal = p.family === 4 ? b[0] === 169 && b[1] === 254 : b[0] === 0xfe && (b[1] & 0xc0) === 0x80;
  if (linkLocal) errs.push(invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  const llMulticast = p.family === 4 ? b[0] === 224 && b[1] === 0 && b[2] === 0 : b[0] === 0xff && (b[1] & 0x0f) === 0x02;
  if (llMulticast) errs.push(invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}

function validateServicePort(sp: Obj, requireName: boolean, names: Set<string>, path: string): Errors {
  const errs: Errors = [];
  const name = s(sp, 'name');
  if (requireName && !name) errs.push(required(child(path, 'name')));
  else if (name) {
    for (const m of isDNS1123Label(name)) errs.push(invalid(child(path, 'name'), name, m));
    if (names.has(name)) errs.push(duplicate(child(path, 'name'), name));
    else names.add(name);
  }
  const port = num(sp, 'port') ?? 0;
  for (const m of isValidPortNum(port)) errs.push(invalid(child(path, 'port'), port, m));
  const proto = s(sp, 'protocol');
  if (!proto) errs.push(required(child(path, 'protocol')));
  else if (!protocols.includes(proto)) errs.push(notSupported(child(path, 'protocol'), proto, protocols));
  errs.push(...validatePortNumOrName(sp, 'targetPort', child(path, 'targetPort')));
  const ap = str(sp, 'appProtocol');
  if (ap !== undefined) errs.push(...validateQualifiedName(ap, child(path, 'appProtocol')));
  return errs;
}

function validateClusterIPFields(spec: Obj): Errors {
  if (s(spec, 'type') === 'ExternalName') return [];
  const errs: Errors = [];
  const clusterIP = s(spec, 'clusterIP');
  const ips = strs(spec, 'clusterIPs');
  if (clusterIP) {
    if (ips.length === 0) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== clusterIP) errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  } else if (ips.length) {
    errs.push(invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified'));
  }
  const fams = strs(spec, 'ipFamilies');
  const seen = new Set<string>();
  fams.forEach((f, i) => {
    if (!ipFamilies.includes(f)) errs.push(notSupported(`spec.ipFamilies[${i}]`, f, ipFamilies));
    if (seen.has(f)) errs.push(duplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  const policy = str(spec, 'ipFamilyPolicy');
  if (policy !== undefined && !ipFamilyPolicies.includes(policy)) errs.push(notSupported('spec.ipFamilyPolicy', policy, ipFamilyPolicies));
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        errs.push(invalid('spec.clusterIPs', ips, "'None' must be the first and only value"));
      }
      return;
    }
    const e = isValidIP(`spec.clusterIPs[${i}]`, ip);
    if (e.length) badIPs = true;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', ips, 'may only hold up to 2 values'));
  if (badIPs) return errs;
  if (ips.length > 1) {
    const families = new Set(ips.map((ip) => parseIP(ip)?.family));
    if (families.size !== 2 || ips.length > 2) errs.push(invalid('spec.clusterIPs', ips, 'may specify no more than one IP for each IP family'));
  }
  if (!isHeadless(spec) && ips.length && fams.length) {
    ips.forEach((ip, i) => {
      if (i >= fams.length) return;
      const v6 = parseIP(ip)?.family === 6;
      if (fams[i] === 'IPv4' && v6) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (fams[i] === 'IPv6' && !v6) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

function validateTypeRules(spec: Obj): Errors {
  const errs: Errors = [];
  const type = s(spec, 'type');
  const ips = strs(spec, 'clusterIPs');
  if ((type === 'LoadBalancer' || type === 'NodePort') && isHeadless(spec)) {
    errs.push(invalid('spec.clusterIPs[0]', ips[0], `may not be set to 'None' for ${type} services`));
  } else if (type === 'ExternalName') {
    if (ips.length) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (strs(spec, 'ipFamilies').length) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (has(spec, 'ipFamilyPolicy')) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = s(spec, 'externalName').replace(/\.$/, '');
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid('spec.externalName', cname, m));
    else errs.push(required('spec.externalName'));
  }
  return errs;
}

function validateTrafficPolicies(spec: Obj): Errors {
  const errs: Errors = [];
  const etp = s(spec, 'externalTrafficPolicy');
  if (!externallyAccessible(spec)) {
    if (etp) errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (!etp) {
    errs.push(required('spec.externalTrafficPolicy'));
  } else if (etp !== 'Cluster' && etp !== 'Local') {
    errs.push(notSupported('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  }
  const hc = num(spec, 'healthCheckNodePort') ?? 0;
  if (!needsHealthCheck(spec)) {
    if (hc !== 0) errs.push(invalid('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (hc === 0) {
    errs.push(required('spec.healthCheckNodePort'));
  } else {
    for (const m of isValidPortNum(hc)) errs.push(invalid('spec.healthCheckNodePort', hc, m));
  }
  const type = s(spec, 'type');
  const itp = str(spec, 'internalTrafficPolicy');
  if (itp === undefined) {
    if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') errs.push(required('spec.internalTrafficPolicy'));
  } else if (itp !== 'Cluster' && itp !== 'Local') {
    errs.push(notSupported('spec.internalTrafficPolicy', itp, ['Cluster', 'Local']));
  }
  const td = str(spec, 'trafficDistribution');
  if (td !== undefined && td !== 'PreferClose') errs.push(notSupported('spec.trafficDistribution', td, ['PreferClose']));
  return errs;
}

export function validateService(svc: Obj): Errors {
  const spec = obj(svc, 'spec') ?? {};
  const errs: Errors = [];
  const ann = strMap(obj(svc, 'metadata'), 'annotations');
  const hints = ann['service.kubernetes.io/topology-aware-hints'];
  const mode = ann['service.kubernetes.io/topology-mode'];
  if (hints !== undefined && mode !== undefined && hints !== mode) {
    errs.push(invalid('metadata.annotations[service.kubernetes.io/topology-mode]', mode, 'must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified'));
  }
  const type = s(spec, 'type');
  const ports = objs(spec, 'ports');
  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName') errs.push(required('spec.ports'));
  errs.push(...validateTypeRules(spec));
  const names = new Set<string>();
  for (const [p, i] of ports) errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`));
  if (has(spec, 'selector')) errs.push(...validateLabels(strMap(spec, 'selector'), 'spec.selector'));
  const affinity = s(spec, 'sessionAffinity');
  if (!affinity) errs.push(required('spec.sessionAffinity'));
  else if (affinity !== 'ClientIP' && affinity !== 'None') errs.push(notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  const cfgPath = 'spec.sessionAffinityConfig';
  if (affinity === 'ClientIP') {
    const cfg = obj(spec, 'sessionAffinityConfig');
    const clientIP = obj(cfg, 'clientIP');
    const t = num(clientIP, 'timeoutSeconds');
    if (!cfg) errs.push(required(cfgPath, 'when session affinity type is ClientIP'));
    else if (!clientIP) errs.push(required(`${cfgPath}.clientIP`, 'when session affinity type is ClientIP'));
    else if (t === undefined) errs.push(required(`${cfgPath}.clientIP.timeoutSeconds`, 'when session affinity type is ClientIP'));
    else if (t <= 0 || t > 86400) errs.push(invalid(`${cfgPath}.clientIP.timeoutSeconds`, t, 'must be greater than 0 and less than 86400'));
  } else if (affinity === 'None' && has(spec, 'sessionAffinityConfig')) {
    errs.push(forbidden(cfgPath, 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPFields(spec));
  strs(spec, 'externalIPs').forEach((ip, i) => {
    const e = isValidIP(`spec.externalIPs[${i}]`, ip);
    errs.push(...(e.length ? e : validateNonSpecialIP(ip, `spec.externalIPs[${i}]`)));
  });
  if (!type) errs.push(required('spec.type'));
  else if (!serviceTypes.includes(type)) errs.push(notSupported('spec.type', type, serviceTypes));
  if (type === 'ClusterIP') {
    for (const [p, i] of ports) if ((num(p, 'nodePort') ?? 0) !== 0) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
  }
  const nodePorts = new Set<string>();
  const portKeys = new Set<string>();
  for (const [p, i] of ports) {
    const np = num(p, 'nodePort') ?? 0;
    if (np !== 0) {
      const k = `${s(p, 'protocol')}/${np}`;
      if (nodePorts.has(k)) errs.push(duplicate(`spec.ports[${i}].nodePort`, np));
      nodePorts.add(k);
    }
    const k = `${s(p, 'protocol')}/${num(p, 'port') ?? 0}`;
    if (portKeys.has(k)) errs.push(duplicate(`spec.ports[${i}]`, { protocol: s(p, 'protocol'), port: num(p, 'port') ?? 0 }));
    portKeys.add(k);
  }
  const ranges = strs(spec, 'loadBalancerSourceRanges');
  if (ranges.length) {
    if (type !== 'LoadBalancer') errs.push(forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => errs.push(...isValidCIDR(`spec.LoadBalancerSourceRanges[${i}]`, r.trim())));
  }
  if (has(spec, 'allocateLoadBalancerNodePorts') && type !== 'LoadBalancer') {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (type === 'LoadBalancer' && !has(spec, 'allocateLoadBalancerNodePorts')) errs.push(required('allocateLoadBalancerNodePorts'));
  const lbClass = str(spec, 'loadBalancerClass');
  if (lbClass !== undefined) {
    if (type === 'LoadBalancer') errs.push(...validateQualifiedName(lbClass, 'spec.loadBalancerClass'));
    else errs.push(forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  }
  errs.push(...validateTrafficPolicies(spec));
  return errs;
}

/** Cluster IPs and families may be added to or trimmed (secondary only), never changed; LB class is fixed. */
export function validateServiceUpdate(svc: Obj, old: Obj): Errors {
  const spec = obj(svc, 'spec') ?? {};
  const oldSpec = obj(old, 'spec') ?? {};
  const errs: Errors = [];
  const external = s(spec, 'type') === 'ExternalName' || s(oldSpec, 'type') === 'ExternalName';
  if (!external && !(isHeadless(spec) && isHeadless(oldSpec))) {
    const ips = strs(spec, 'clusterIPs');
    const oldIPs = strs(oldSpec, 'clusterIPs');
    if (ips.length === oldIPs.length) {
      oldIPs.forEach((ip, i) => {
        if (ip !== ips[i]) errs.push(invalid(`spec.clusterIPs[${i}]`, ips, 'may not change once set'));
      });
    } else if (oldIPs.length > ips.length) {
      if (ips.length === 0) errs.push(invalid('spec.clusterIPs[0]', ips, 'primary clusterIP can not be unset'));
      if (oldIPs.length && ips.length && ips[0] !== oldIPs[0]) errs.push(invalid('spec.clusterIPs[0]', ips, 'may not change once set'));
      if (ips.length === 1 && str(spec, 'ipFamilyPolicy') !== 'SingleStack') {
        errs.push(invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
      }
    } else if (oldIPs.length && ips[0] !== oldIPs[0]) {
      errs.push(invalid('spec.clusterIPs[0]', ips, 'may not change once set'));
    }
  }
  if (!external && isHeadless(spec) === isHeadless(oldSpec) && !isHeadless(spec)) {
    const fams = strs(spec, 'ipFamilies');
    const oldFams = strs(oldSpec, 'ipFamilies');
    if (fams.length === oldFams.length) {
      if (oldFams.some((f, i) => f !== fams[i])) errs.push(invalid('spec.ipFamilies[0]', fams, 'may not change once set'));
    } else if (oldFams.length > fams.length) {
      if (strs(spec, 'clusterIPs').length === 0) errs.push(invalid('spec.ipFamilies[0]', fams, 'primary ipFamily can not be unset'));
      if (fams.length && fams[0] !== oldFams[0]) errs.push(invalid('spec.ipFamilies[0]', strs(spec, 'clusterIPs'), 'may not change once set'));
      if (fams.length === 1 && str(spec, 'ipFamilyPolicy') !== 'SingleStack') {
        errs.push(invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
      }
    } else if (oldFams.length && fams.length && fams[0] !== oldFams[0]) {
      errs.push(invalid('spec.ipFamilies[0]', strs(spec, 'clusterIPs'), 'may not change once set'));
    }
  }
  if (s(spec, 'type') === 'LoadBalancer' && s(oldSpec, 'type') === 'LoadBalancer' && str(spec, 'loadBalancerClass') !== str(oldSpec, 'loadBalancerClass')) {
    errs.push(invalid('spec.loadBalancerClass', spec.loadBalancerClass ?? null, 'may not change once set'));
  }
  if (needsHealthCheck(spec) && needsHealthCheck(oldSpec) && num(spec, 'healthCheckNodePort') !== num(oldSpec, 'healthCheckNodePort')) {
    errs.push(forbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
  return [...errs, ...validateService(svc)];
}

function validateEndpointAddress(addr: Obj, path: string): Errors {
  const errs: Errors = [...isValidIP(child(path, 'ip'), s(addr, 'ip'))];
  const hostname = s(addr, 'hostname');
  if (hostname) for (const m of isDNS1123Label(hostname)) errs.push(invalid(child(path, 'hostname'), hostname, m));
  const node = str(addr, 'nodeName');
  if (node !== undefined) for (const m of nameIsDNSSubdomain(node, false)) errs.push(invalid(child(path, 'nodeName'), node, m));
  return [...errs, ...validateNonSpecialIP(s(addr, 'ip'), child(path, 'ip'))];
}

export function validateEndpoints(ep: Obj): Errors {
  const errs: Errors = [];
  for (const [ss, i] of objs(ep, 'subsets')) {
    const p = index('subsets', i);
    const addrs = objs(ss, 'addresses');
    const notReady = objs(ss, 'notReadyAddresses');
    if (addrs.length === 0 && notReady.length === 0) errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    for (const [a, j] of addrs) errs.push(...validateEndpointAddress(a, index(child(p, 'addresses'), j)));
    for (const [a, j] of notReady) errs.push(...validateEndpointAddress(a, index(child(p, 'notReadyAddresses'), j)));
    const ports = objs(ss, 'ports');
    for (const [port, j] of ports) {
      const pp = index(child(p, 'ports'), j);
      const name = s(port, 'name');
      if (ports.length > 1 && !name) errs.push(required(child(pp, 'name')));
      else if (name) for (const m of isDNS1123Label(name)) errs.push(invalid(child(pp, 'name'), name, m));
      const n = num(port, 'port') ?? 0;
      for (const m of isValidPortNum(n)) errs.push(invalid(child(pp, 'port'), n, m));
      const proto = s(port, 'protocol');
      if (!proto) errs.push(required(child(pp, 'protocol')));
      else if (!protocols.includes(proto)) errs.push(notSupported(child(pp, 'protocol'), proto, protocols));
      const ap = str(port, 'appProtocol');
      if (ap !== undefined) errs.push(...validateQualifiedName(ap, child(pp, 'appProtocol')));
    }
  }
  return errs;
}
