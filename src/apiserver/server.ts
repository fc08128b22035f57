// The API server: HTTPS with client-certificate and token authentication in front of the router.

import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../storage/backend.ts';
import type { KObject } from '../api/object.ts';
import { StatusError } from '../api/errors.ts';
import { authenticate, type TokenAuthenticator } from './authn/authenticate.ts';
import { anonymous } from './authn/user.ts';
import { sendError } from './http.ts';
import { isPublicPath, route, type ExtraRoute, type RouterOptions } from './router.ts';
import { ResourceRegistry } from './registry/registry.ts';
import { builtinDefs, type KindHooks } from './registry/builtin.ts';
import type { ResourceDef } from './registry/resource-def.ts';
import { CacheHub } from './watch-cache/hub.ts';
import type { ServerParts } from './handlers/scope.ts';
import { namespaceLifecycle } from './admission/namespace-lifecycle.ts';
import { runtimeClassAdmission } from './admission/runtime-class.ts';
import { limitRanger } from './admission/limit-ranger.ts';
import { ServiceIPAllocator } from './admission/service-ips.ts';
import { bootstrap } from './bootstrap.ts';
import type { TypeInfo } from '../api/schema/type-info.ts';
import { CRDController } from './crd/controller.ts';
import { crdSchemaOf } from './crd/crd-defs.ts';
import { customUnknownFields, schemaTools } from './crd/tools.ts';
import { pruneUnknownFields, type JSONSchemaProps } from './crd/schema/index.ts';
import { namePrinter } from './registry/builtin.ts';
import type { TablePrinterLike } from './table.ts';

export interface ApiServerOptions {
  backend: Backend;
  tls: { caPem: string; certPem: string; keyPem: string };
  host?: string;
  port: number;
  serviceCIDR?: string;
  /** The address other nodes and pods reach this API server at (the `kubernetes` Service's endpoint). */
  advertiseAddress?: string;
  tokens?: TokenAuthenticator[];
  hooks?: KindHooks;
  schema?: {
    typeInfo(def: ResourceDef): TypeInfo | undefined;
    unknownFields(def: ResourceDef, obj: KObject): string[];
    prune(def: ResourceDef, obj: KObject): void;
  };
  extraRoutes?: (server: ApiServer) => ExtraRoute[];
  /** Table columns of custom resources (additionalPrinterColumns). */
  crdPrinter?: (columns: { name: string; type: string; format?: string; description?: string; priority?: number; jsonPath: string }[]) => TablePrinterLike;
  /** Told when the served custom resources change (OpenAPI, type info). */
  onCRDChange?: (crd: KObject, removed: boolean) => void;
  /** How often to compact the datastore (ms); 0 disables. */
  compactIntervalMs?: number;
}

export class ApiServer {
  readonly registry = new ResourceRegistry();
  readonly hub: CacheHub;
  readonly serviceIPs: ServiceIPAllocator;
  #https: Server | undefined;
  #opts: ApiServerOptions;
  #parts: ServerParts;
  #compactTimer: NodeJS.Timeout | undefined;
  #extra: ExtraRoute[] = [];
  #routerOptions: RouterOptions | undefined;
  readonly crds: CRDController;

  constructor(opts: ApiServerOptions) {
    this.#opts = opts;
    this.hub = new CacheHub(opts.backend, { onError: (e) => console.error(`skiff: datastore watch failed: ${e.message}; resyncing`) });
    this.serviceIPs = new ServiceIPAllocator(this.hub, { serviceCIDR: opts.serviceCIDR ?? '10.43.0.0/16' });
    for (const def of builtinDefs(opts.hooks ?? {})) this.registry.add(def);
    const schema = opts.schema;
    this.#parts = {
      hub: this.hub,
      registry: this.registry,
      // Admission plugins read the watch cache; it is brought up to date once here, not in each plugin.
      admit: async (op, def, obj, old) => {
        if (op === 'delete') return;
        await this.hub.waitFresh();
        await namespaceLifecycle(this.hub, op, def, obj);
        if (op === 'create' && def.group === '' && def.resource === 'pods') {
          await runtimeClassAdmission(this.hub, obj);
          await limitRanger(this.hub, obj);
        }
        if (def.group === '' && def.resource === 'services') await this.serviceIPs.allocate(obj, old);
      },
      typeInfo: (def) => schema?.typeInfo(def),
      unknownFields: (def, obj) => {
        const crdSchema = crdSchemaOf(def);
        if (crdSchema) return customUnknownFields(crdSchema, obj);
        return def.crd ? [] : schema?.unknownFields(def, obj) ?? [];
      },
      prune: (def, obj) => {
        const crdSchema = crdSchemaOf(def);
        if (crdSchema) pruneUnknownFields(crdSchema as JSONSchemaProps, obj);
        else if (!def.crd) schema?.prune(def, obj);
      },
      leaseSeconds: (def) => (def.resource === 'events' && !def.crd ? 3600 : undefined),
    };
    this.crds = new CRDController({
      hub: this.hub,
      registry: this.registry,
      tools: schemaTools(opts.crdPrinter ?? (() => namePrinter)),
      onChange: opts.onCRDChange,
    });
  }

  /** Where the `kubernetes` Service points: the advertised address and the listening port. */
  get advertised(): { ip: string; port: number } {
    return { ip: this.#opts.advertiseAddress || '127.0.0.1', port: this.#opts.port };
  }

  get parts(): ServerParts {
    return this.#parts;
  }

  get url(): string {
    const a = this.#https?.address() as AddressInfo | null;
    const host = this.#opts.host && this.#opts.host !== '0.0.0.0' ? this.#opts.host : '127.0.0.1';
    return `https://${host}:${a?.port ?? this.#opts.port}`;
  }

  async start(): Promise<void> {
    await this.hub.start();
    await bootstrap(this);
    this.crds.start();
    await this.crds.idle();
    this.#extra = this.#opts.extraRoutes?.(this) ?? [];
    const tokens = this.#opts.tokens ?? [];
    const advertised = this.#opts.host && this.#opts.host !== '0.0.0.0' ? this.#opts.host : '127.0.0.1';
    this.#routerOptions = { parts: this.#parts, serverAddress: `${advertised}:${this.#opts.port}`, extraRoutes: this.#extra };
    const server = createServer({
      key: this.#opts.tls.keyPem,
      cert: this.#opts.tls.certPem,
      ca: this.#opts.tls.caPem,
      requestCert: true,
      rejectUnauthorized: false,
      keepAliveTimeout: 90_000,
    }, (req, res) => { void this.#handle(req, res, tokens); });
    server.headersTimeout = 60_000;
    server.requestTimeout = 0; // watches are long
    this.#https = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#opts.port, this.#opts.host ?? '0.0.0.0', () => { server.off('error', reject); resolve(); });
    });
    const every = this.#opts.compactIntervalMs ?? 5 * 60_000;
    if (every > 0) this.#startCompaction(every);
  }

  async #handle(req: IncomingMessage, res: ServerResponse, tokens: TokenAuthenticator[]): Promise<void> {
    try {
      const auth = await authenticate(req, tokens);
      const path = (req.url ?? '/').split('?')[0];
      if (auth.rejected || (!auth.user && !isPublicPath(path))) {
        throw new StatusError(401, 'Unauthorized', 'Unauthorized');
      }
      res.setHeader('Audit-Id', crypto.randomUUID());
      await route(this.#routerOptions!, req, res, auth.user ?? anonymous);
    } catch (err) {
      sendError(res, err);
    }
  }

  /** Compacts to the revision seen one interval ago, like kube-apiserver's compactor: history spans at least one interval. */
  #startCompaction(every: number): void {
    let previous = 0;
    this.#compactTimer = setInterval(() => {
      const target = previous;
      previous = this.hub.revision;
      if (target > 0) this.#opts.backend.compact(target).catch((e: Error) => console.error(`skiff: compaction failed: ${e.message}`));
    }, every);
    this.#compactTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.#compactTimer) clearInterval(this.#compactTimer);
    const s = this.#https;
    if (s) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
    this.hub.close();
  }
}
