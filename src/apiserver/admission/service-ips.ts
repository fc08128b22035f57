// Admission: allocates Service cluster IPs from the service CIDR and node ports from 30000-32767.

import { invalid } from '../../api/errors.ts';
import type { KObject } from '../../api/object.ts';
import type { CacheHub } from '../watch-cache/hub.ts';
import { cacheId } from '../store/keys.ts';

type Obj = Record<string, unknown>;

function ipToInt(ip: string): number {
  return ip.split('.').reduce((a, b) => a * 256 + Number(b), 0);
}
function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

export interface ServiceIPOptions {
  serviceCIDR: string;
  nodePortRange?: [number, number];
}

export class ServiceIPAllocator {
  #base: number;
  #size: number;
  #ports: [number, number];
  #hub: CacheHub;

  constructor(hub: CacheHub, o: ServiceIPOptions) {
    const [ip, bits] = o.serviceCIDR.split('/');
    this.#base = ipToInt(ip);
    this.#size = 2 ** (32 - Number(bits));
    this.#ports = o.nodePortRange ?? [30000, 32767];
    this.#hub = hub;
  }

  /** The first address of the range: the `kubernetes` Service's. */
  get apiServiceIP(): string {
    return intToIp(this.#base + 1);
  }

  nth(n: number): string {
    return intToIp(this.#base + n);
  }

  #used(): { ips: Set<string>; ports: Set<number> } {
    const ips = new Set<string>();
    const ports = new Set<number>();
    for (const s of this.#hub.cache(cacheId('', 'services')).objects.values()) {
      const spec = (s.obj.spec ?? {}) as Obj;
      for (const ip of (spec.clusterIPs as string[] | undefined) ?? [spec.clusterIP as string]) if (ip) ips.add(ip);
      for (const p of (spec.ports as Obj[] | undefined) ?? []) if (typeof p.nodePort === 'number') ports.add(p.nodePort);
    }
    return { ips, ports };
  }

  inRange(ip: string): boolean {
    const n = ipToInt(ip);
    return n > this.#base && n < this.#base + this.#size - 1;
  }

  /** Fills spec.clusterIP(s) and node ports of a new Service, or rejects taken/out-of-range ones. The cache must be fresh (admission sees to it). */
  async allocate(svc: KObject, old?: KObject): Promise<void> {
    const spec = (svc.spec ??= {}) as Obj;
    const oldSpec = (old?.spec ?? {}) as Obj;
    const name = svc.metadata?.name ?? '';
    const used = this.#used();
    if (old) {
      if (spec.clusterIP === undefined || spec.clusterIP === '') { spec.clusterIP = oldSpec.clusterIP; spec.clusterIPs = oldSpec.clusterIPs; }
    }
    if (spec.type === 'ExternalName') {
      delete spec.clusterIP; delete spec.clusterIPs;
    } else if (!old || spec.clusterIP !== oldSpec.clusterIP) {
      const want = spec.clusterIP as string | undefined;
      if (want === 'None') {
        spec.clusterIPs = ['None'];
      } else if (want) {
        if (!this.inRange(want)) {
          throw invalid('Service', '', name, [{ type: 'FieldValueInvalid', field: 'spec.clusterIPs', value: [want], detail: `failed to allocate IP ${want}: the provided IP (${want}) is not in the valid range. The range of valid IPs is ${intToIp(this.#base)}/${32 - Math.log2(this.#size)}` }]);
        }
        if (used.ips.has(want)) {
          throw invalid('Service', '', name, [{ type: 'FieldValueInvalid', field: 'spec.clusterIPs', value: [want], detail: `failed to allocate IP ${want}: provided IP is already allocated` }]);
        }
        spec.clusterIPs = [want];
      } else {
        // Kubernetes prefers the upper part of the range for dynamic allocation; any free address is fine.
        const start = 2 + Math.floor(Math.random() * (this.#size - 3));
        let ip = '';
        for (let i = 0; i < this.#size - 3; i++) {
          const cand = intToIp(this.#base + 2 + ((start - 2 + i) % (this.#size - 3)));
          if (!used.ips.has(cand)) { ip = cand; break; }
        }
        if (!ip) throw invalid('Service', '', name, [{ type: 'InternalError', field: 'spec.clusterIPs', detail: 'range is full' }]);
        spec.clusterIP = ip;
        spec.clusterIPs = [ip];
      }
    }
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
      const oldPorts = new Map(((oldSpec.ports as Obj[] | undefined) ?? []).map((p) => [`${p.port}/${p.protocol ?? 'TCP'}`, p.nodePort]));
      for (const p of (spec.ports as Obj[] | undefined) ?? []) {
        if (typeof p.nodePort === 'number') {
          const mine = oldPorts.get(`${p.port}/${p.protocol ?? 'TCP'}`) === p.nodePort;
          if (!mine && used.ports.has(p.nodePort)) {
            throw invalid('Service', '', name, [{ type: 'FieldValueInvalid', field: 'spec.ports[0].nodePort', value: p.nodePort, detail: 'provided port is already allocated' }]);
          }
          continue;
        }
        const prev = oldPorts.get(`${p.port}/${p.protocol ?? 'TCP'}`);
        if (typeof prev === 'number') { p.nodePort = prev; continue; }
        const [lo, hi] = this.#ports;
        const span = hi - lo + 1;
        const start = Math.floor(Math.random() * span);
        for (let i = 0; i < span; i++) {
          const cand = lo + ((start + i) % span);
          if (!used.ports.has(cand)) { p.nodePort = cand; used.ports.add(cand); break; }
        }
      }
    } else {
      for (const p of (spec.ports as Obj[] | undefined) ?? []) delete p.nodePort;
    }
  }
}
