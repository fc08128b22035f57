// apps/v1 tables: Deployment, ReplicaSet, StatefulSet, DaemonSet and ControllerRevision.

import type { KObject } from '../../api/object.ts';
import { ageColumn, ageOf, col, containersColumn, imagesColumn, nameColumn, nameOf, wide } from './columns.ts';
import { containerCells, formatLabelSelector, formatLabels, selectorString, templateContainers } from './format.ts';
import type { TablePrinter } from './types.ts';
import { at, int, optInt, stringMap } from './values.ts';

/** spec.replicas; apps/v1 defaulting makes an unset value 1. */
function desired(obj: KObject): number {
  return optInt(obj, 'spec', 'replicas') ?? 1;
}

function templateCells(obj: KObject): [string, string] {
  return containerCells(templateContainers(obj, 'spec', 'template'));
}

const selectorColumn = wide('Selector', 'string', 'Label selector of the pods the controller manages.');

export const deploymentPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Ready', 'string', 'Ready pods out of the desired number.'),
    col('Up-to-date', 'string', 'Pods updated to the latest pod template.'),
    col('Available', 'string', 'Pods available to serve for at least minReadySeconds.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  row(d, now) {
    const [names, images] = templateCells(d);
    return [
      nameOf(d),
      `${int(d, 'status', 'readyReplicas')}/${desired(d)}`,
      int(d, 'status', 'updatedReplicas'),
      int(d, 'status', 'availableReplicas'),
      ageOf(d, now),
      names,
      images,
      selectorString(at(d, 'spec', 'selector')) ?? '<invalid>',
    ];
  },
};

export const replicaSetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Desired', 'integer', 'Number of pods asked for.'),
    col('Current', 'integer', 'Number of pods that exist.'),
    col('Ready', 'integer', 'Number of pods that are ready.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  row(rs, now) {
    const [names, images] = templateCells(rs);
    return [
      nameOf(rs),
      desired(rs),
      int(rs, 'status', 'replicas'),
      int(rs, 'status', 'readyReplicas'),
      ageOf(rs, now),
      names,
      images,
      formatLabelSelector(at(rs, 'spec', 'selector')),
    ];
  },
};

export const statefulSetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Ready', 'string', 'Ready pods out of the desired number.'),
    ageColumn,
    containersColumn,
    imagesColumn,
  ],
  row(sts, now) {
    const [names, images] = templateCells(sts);
    return [nameOf(sts), `${int(sts, 'status', 'readyReplicas')}/${desired(sts)}`, ageOf(sts, now), names, images];
  },
};

export const daemonSetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Desired', 'integer', 'Number of nodes that should run the daemon pod.'),
    col('Current', 'integer', 'Number of nodes running the daemon pod.'),
    col('Ready', 'integer', 'Number of nodes whose daemon pod is ready.'),
    col('Up-to-date', 'integer', 'Number of nodes running the latest pod template.'),
    col('Available', 'integer', 'Number of nodes whose daemon pod is available.'),
    col('Node Selector', 'string', 'Node labels the daemon pods are restricted to.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  row(ds, now) {
    const [names, images] = templateCells(ds);
    return [
      nameOf(ds),
      int(ds, 'status', 'desiredNumberScheduled'),
      int(ds, 'status', 'currentNumberScheduled'),
      int(ds, 'status', 'numberReady'),
      int(ds, 'status', 'updatedNumberScheduled'),
      int(ds, 'status', 'numberAvailable'),
      formatLabels(stringMap(ds, 'spec', 'template', 'spec', 'nodeSelector')),
      ageOf(ds, now),
      names,
      images,
      formatLabelSelector(at(ds, 'spec', 'selector')),
    ];
  },
};

/** The controlling owner as formatResourceName prints it: "kind.group/name" lower-cased, or "<none>". */
export function controllerName(obj: KObject): string {
  const ref = (obj.metadata?.ownerReferences ?? []).find((r) => r.controller === true);
  if (!ref) return '<none>';
  const apiVersion = ref.apiVersion ?? '';
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const kind = ref.kind ?? '';
  if (kind === '' && group === '') return ref.name;
  const groupKind = group === '' ? kind : `${kind}.${group}`;
  return `${groupKind.toLowerCase()}/${ref.name}`;
}

export const controllerRevisionPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Controller', 'string', 'Object that owns the revision, as kind.group/name.'),
    col('Revision', 'string', 'Revision number of the stored state.'),
    ageColumn,
  ],
  row: (cr, now) => [nameOf(cr), controllerName(cr), int(cr, 'revision'), ageOf(cr, now)],
};
