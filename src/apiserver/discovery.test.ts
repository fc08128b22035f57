import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregatedDiscovery, groupList, resourceList, wantsAggregated } from './discovery.ts';
import { ResourceRegistry } from './registry/registry.ts';
import { builtinDefs } from './registry/builtin.ts';

const registry = new ResourceRegistry();
for (const d of builtinDefs({})) registry.add(d);

describe('discovery', () => {
  it('lists groups in Kubernetes order with the legacy group left out', () => {
    const groups = (groupList(registry).groups as { name: string }[]).map((g) => g.name);
    assert.equal(groups.includes(''), false);
    assert.deepEqual(groups.slice(0, 2), ['apiregistration.k8s.io', 'apps']);
  });

  it('describes subresources with their own kinds', () => {
    const rl = resourceList(registry.all().filter((d) => d.group === 'apps'), 'apps/v1');
    const scale = (rl.resources as Record<string, unknown>[]).find((r) => r.name === 'deployments/scale')!;
    assert.deepEqual([scale.kind, scale.group, scale.version], ['Scale', 'autoscaling', 'v1']);
  });

  it('serves aggregated discovery for the legacy group and the named groups', () => {
    const core = aggregatedDiscovery(registry, true) as { items: { versions: { version: string; resources: { resource: string; scope: string }[] }[] }[] };
    assert.equal(core.items.length, 1);
    const pods = core.items[0].versions[0].resources.find((r) => r.resource === 'pods')!;
    assert.equal(pods.scope, 'Namespaced');
    const named = aggregatedDiscovery(registry, false) as { items: { metadata: { name: string } }[] };
    assert.ok(named.items.some((i) => i.metadata.name === 'apiextensions.k8s.io'));
  });

  it('recognises the aggregated Accept header kubectl sends', () => {
    assert.equal(wantsAggregated('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json'), true);
    assert.equal(wantsAggregated('application/json'), false);
    assert.equal(wantsAggregated(undefined), false);
  });
});
