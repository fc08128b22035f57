// The smaller core/v1 tables: ConfigMap, Secret, ServiceAccount, ResourceQuota, ReplicationController and PodTemplate.

import { ageColumn, ageOf, col, containersColumn, imagesColumn, nameColumn, nameOf, wide } from './columns.ts';
import { containerCells, formatLabels, quantity, templateContainers } from './format.ts';
import type { TablePrinter } from './types.ts';
import { dict, goSort, int, list, optInt, size, str, stringMap } from './values.ts';

export const configMapPrinter: TablePrinter = {
  columns: [nameColumn, col('Data', 'string', 'Number of keys in data and binaryData.'), ageColumn],
  row: (cm, now) => [nameOf(cm), size(cm, 'data') + size(cm, 'binaryData'), ageOf(cm, now)],
};

export const secretPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Type', 'string', 'Type of the secret, such as Opaque or kubernetes.io/tls.'),
    col('Data', 'string', 'Number of keys in data.'),
    ageColumn,
  ],
  row: (s, now) => [nameOf(s), str(s, 'type') || 'Opaque', size(s, 'data'), ageOf(s, now)],
};

export const serviceAccountPrinter: TablePrinter = {
  columns: [nameColumn, col('Secrets', 'string', 'Number of secrets listed for the service account.'), ageColumn],
  row: (sa, now) => [nameOf(sa), list(sa, 'secrets').length, ageOf(sa, now)],
};

/** printResourceQuota: "resource: used/hard" pairs sorted by name, limits.* ones in the LIMIT column. */
export function quotaCells(rq: unknown): [string, string] {
  const hard = dict(rq, 'status', 'hard');
  const used = dict(rq, 'status', 'used');
  const requests: string[] = [];
  const limits: string[] = [];
  for (const name of goSort(Object.keys(hard))) {
    const text = `${name}: ${quantity(used[name])}/${quantity(hard[name])}`;
    const pieces = name.split('.');
    if (pieces.length > 1 && pieces[0] === 'limits') limits.push(text);
    else requests.push(text);
  }
  return [requests.join(', '), limits.join(', ')];
}

export const resourceQuotaPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Request', 'string', 'Used and hard amounts of everything but limits.'),
    col('Limit', 'string', 'Used and hard amounts of limits.* resources.'),
    ageColumn,
  ],
  row(rq, now) {
    const [request, limit] = quotaCells(rq);
    return [nameOf(rq), request, limit, ageOf(rq, now)];
  },
};

export const replicationControllerPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Desired', 'integer', 'Number of pods asked for.'),
    col('Current', 'integer', 'Number of pods that exist.'),
    col('Ready', 'integer', 'Number of pods that are ready.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    wide('Selector', 'string', 'Labels of the pods the controller manages.'),
  ],
  row(rc, now) {
    const [names, images] = containerCells(templateContainers(rc, 'spec', 'template'));
    return [
      nameOf(rc),
      optInt(rc, 'spec', 'replicas') ?? 1,
      int(rc, 'status', 'replicas'),
      int(rc, 'status', 'readyReplicas'),
      ageOf(rc, now),
      names,
      images,
      formatLabels(stringMap(rc, 'spec', 'selector')),
    ];
  },
};

export const podTemplatePrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Containers', 'string', 'Names of the containers in the template.'),
    col('Images', 'string', 'Images of the containers in the template.'),
    col('Pod Labels', 'string', 'Labels of the pods made from the template.'),
  ],
  row(pt) {
    const [names, images] = containerCells(templateContainers(pt, 'template'));
    return [nameOf(pt), names, images, formatLabels(stringMap(pt, 'template', 'metadata', 'labels'))];
  },
};
