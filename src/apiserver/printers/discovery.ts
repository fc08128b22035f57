// discovery.k8s.io/v1 EndpointSlice table: address type, ports and endpoint addresses.

import { ageColumn, ageOf, col, nameColumn, nameOf } from './columns.ts';
import { listWithMore } from './format.ts';
import type { TablePrinter } from './types.ts';
import { at, list, str } from './values.ts';

const MAX_SHOWN = 3;

/** formatDiscoveryPorts: port numbers (or names, or "*"), up to three, else "<unset>". */
export function slicePorts(ports: unknown[]): string {
  const shown = ports.map((p) => {
    const port = at(p, 'port');
    if (typeof port === 'number') return String(port);
    const name = at(p, 'name');
    return typeof name === 'string' ? name : '*';
  });
  return listWithMore(shown, shown.length, MAX_SHOWN, '<unset>');
}

/** formatDiscoveryEndpoints: every endpoint address, up to three, else "<unset>". */
export function sliceEndpoints(endpoints: unknown[]): string {
  const addresses = endpoints.flatMap((e) => list(e, 'addresses').filter((a): a is string => typeof a === 'string'));
  return listWithMore(addresses, addresses.length, MAX_SHOWN, '<unset>');
}

export const endpointSlicePrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('AddressType', 'string', 'IPv4, IPv6 or FQDN.'),
    col('Ports', 'string', 'Ports of the endpoints.'),
    col('Endpoints', 'string', 'Addresses of the endpoints.'),
    ageColumn,
  ],
  row: (es, now) => [
    nameOf(es), str(es, 'addressType'), slicePorts(list(es, 'ports')), sliceEndpoints(list(es, 'endpoints')), ageOf(es, now),
  ],
};
