// discovery.k8s.io/v1: EndpointSlices (address types, endpoints, ports, topology hints).

import { type Obj, has, objs, s, str, strMap, strs } from './access.ts';
import { type Errors, duplicate, immutable, index, internalError, invalid, notSupported, required, tooMany } from './field.ts';
import { validateLabels, validateQualifiedName } from './meta.ts';
import { isDNS1123Label, isFullyQualifiedDomainName, isValidIPv4Address, isValidIPv6Address, nameIsDNSSubdomain } from './names.ts';
import { validateNonSpecialIP } from './core-service.ts';

const addressTypes = ['FQDN', 'IPv4', 'IPv6'];
const protocols = ['SCTP', 'TCP', 'UDP'];

function validateEndpoints(slice: Obj, addressType: string): Errors {
  const endpoints = objs(slice, 'endpoints');
  if (endpoints.length > 1000) return [tooMany('endpoints', endpoints.length, 1000)];
  const errs: Errors = [];
  for (const [ep, i] of endpoints) {
    const p = index('endpoints', i);
    const addrs = strs(ep, 'addresses');
    if (addrs.length === 0) errs.push(required(`${p}.addresses`, 'must contain at least 1 address'));
    else if (addrs.length > 100) errs.push(tooMany(`${p}.addresses`, addrs.length, 100));
    addrs.forEach((a, j) => {
      const ap = index(`${p}.addresses`, j);
      if (addressType === 'IPv4') {
        const e = isValidIPv4Address(ap, a);
        errs.push(...(e.length ? e : validateNonSpecialIP(a, ap)));
      } else if (addressType === 'IPv6') {
        const e = isValidIPv6Address(ap, a);
        errs.push(...(e.length ? e : validateNonSpecialIP(a, ap)));
      } else if (addressType === 'FQDN') {
        errs.push(...isFullyQualifiedDomainName(ap, a));
      }
    });
    const node = str(ep, 'nodeName');
    if (node !== undefined) for (const m of nameIsDNSSubdomain(node, false)) errs.push(invalid(`${p}.nodeName`, node, m));
    const topo = strMap(ep, 'deprecatedTopology');
    if (Object.keys(topo).length > 16) errs.push(tooMany(`${p}.deprecatedTopology`, Object.keys(topo).length, 16));
    errs.push(...validateLabels(topo, `${p}.deprecatedTopology`));
    if ('topology.kubernetes.io/zone' in topo) {
      errs.push(internalError(`${p}.deprecatedTopology[topology.kubernetes.io/zone]`, 'reserved key was not removed in conversion'));
    }
    const hostname = str(ep, 'hostname');
    if (hostname !== undefined) for (const m of isDNS1123Label(hostname)) errs.push(invalid(`${p}.hostname`, hostname, m));
    const zones = objs(ep.hints, 'forZones');
    if (has(ep, 'hints') && zones.length > 8) errs.push(tooMany(`${p}.hints.forZones`, zones.length, 8));
  }
  return errs;
}

export function validateEndpointSlice(slice: Obj): Errors {
  const errs: Errors = [];
  const addressType = s(slice, 'addressType');
  if (!addressType) errs.push(required('addressType'));
  else if (!addressTypes.includes(addressType)) errs.push(notSupported('addressType', addressType, addressTypes));
  errs.push(...validateEndpoints(slice, addressType));
  const ports = objs(slice, 'ports');
  if (ports.length > 20000) return [...errs, tooMany('ports', ports.length, 20000)];
  const names = new Set<string>();
  for (const [port, i] of ports) {
    const p = index('ports', i);
    const name = s(port, 'name');
    if (name) for (const m of isDNS1123Label(name)) errs.push(invalid(`${p}.name`, name, m));
    if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
    names.add(name);
    const proto = str(port, 'protocol');
    if (proto === undefined) errs.push(required(`${p}.protocol`));
    else if (!protocols.includes(proto)) errs.push(notSupported(`${p}.protocol`, proto, protocols));
    const ap = str(port, 'appProtocol');
    if (ap !== undefined) errs.push(...validateQualifiedName(ap, `${p}.appProtocol`));
  }
  return errs;
}

export function validateEndpointSliceUpdate(slice: Obj, old: Obj): Errors {
  return [...validateEndpointSlice(slice), ...immutable(slice.addressType ?? '', old.addressType ?? '', 'addressType')];
}
