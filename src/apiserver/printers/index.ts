// Server-side Table printers (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`): columns and cells per resource, as Kubernetes 1.32 prints them.

import * as ext from './extensions.ts';
import { controllerRevisionPrinter, daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './apps.ts';
import { horizontalPodAutoscalerPrinter } from './autoscaling.ts';
import { cronJobPrinter, jobPrinter } from './batch.ts';
import { leasePrinter } from './coordination.ts';
import { eventPrinter, eventsV1Printer } from './core-events.ts';
import { componentStatusPrinter, namespacePrinter, nodePrinter } from './core-nodes.ts';
import {
  configMapPrinter, podTemplatePrinter, replicationControllerPrinter, resourceQuotaPrinter, secretPrinter, serviceAccountPrinter,
} from './core-other.ts';
import { podPrinter } from './core-pods.ts';
import { endpointsPrinter, servicePrinter } from './core-services.ts';
import { persistentVolumeClaimPrinter, persistentVolumePrinter } from './core-storage.ts';
import { createdAtPrinter } from './default.ts';
import { endpointSlicePrinter } from './discovery.ts';
import { ingressClassPrinter, ingressPrinter, networkPolicyPrinter } from './networking.ts';
import { podDisruptionBudgetPrinter } from './policy.ts';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac.ts';
import { priorityClassPrinter } from './scheduling.ts';
import { storageClassPrinter } from './storage.ts';
import type { TablePrinter } from './types.ts';

export type { TableColumn, TablePrinter } from './types.ts';
export { crdPrinter, type PrinterColumnSpec } from './crd.ts';
export { createdAtPrinter, defaultPrinter } from './default.ts';
export { humanDuration } from './duration.ts';
export { podRowConditions } from './core-pods.ts';

/** Printers by "<group>/<resource>" (core group empty). Kinds Kubernetes prints with its default convertor map to createdAtPrinter. */
const printers: ReadonlyMap<string, TablePrinter> = new Map<string, TablePrinter>([
  ['/pods', podPrinter],
  ['/services', servicePrinter],
  ['/endpoints', endpointsPrinter],
  ['/namespaces', namespacePrinter],
  ['/nodes', nodePrinter],
  ['/componentstatuses', componentStatusPrinter],
  ['/events', eventPrinter],
  ['/configmaps', configMapPrinter],
  ['/secrets', secretPrinter],
  ['/serviceaccounts', serviceAccountPrinter],
  ['/persistentvolumes', persistentVolumePrinter],
  ['/persistentvolumeclaims', persistentVolumeClaimPrinter],
  ['/resourcequotas', resourceQuotaPrinter],
  ['/replicationcontrollers', replicationControllerPrinter],
  ['/podtemplates', podTemplatePrinter],
  ['/limitranges', createdAtPrinter],
  ['apps/deployments', deploymentPrinter],
  ['apps/replicasets', replicaSetPrinter],
  ['apps/statefulsets', statefulSetPrinter],
  ['apps/daemonsets', daemonSetPrinter],
  ['apps/controllerrevisions', controllerRevisionPrinter],
  ['batch/jobs', jobPrinter],
  ['batch/cronjobs', cronJobPrinter],
  ['autoscaling/horizontalpodautoscalers', horizontalPodAutoscalerPrinter],
  ['networking.k8s.io/ingresses', ingressPrinter],
  ['networking.k8s.io/ingressclasses', ingressClassPrinter],
  ['networking.k8s.io/networkpolicies', networkPolicyPrinter],
  ['discovery.k8s.io/endpointslices', endpointSlicePrinter],
  ['coordination.k8s.io/leases', leasePrinter],
  ['rbac.authorization.k8s.io/roles', createdAtPrinter],
  ['rbac.authorization.k8s.io/clusterroles', createdAtPrinter],
  ['rbac.authorization.k8s.io/rolebindings', roleBindingPrinter],
  ['rbac.authorization.k8s.io/clusterrolebindings', clusterRoleBindingPrinter],
  ['storage.k8s.io/storageclasses', storageClassPrinter],
  ['policy/poddisruptionbudgets', podDisruptionBudgetPrinter],
  ['scheduling.k8s.io/priorityclasses', priorityClassPrinter],
  ['events.k8s.io/events', eventsV1Printer],
  ['apiextensions.k8s.io/customresourcedefinitions', createdAtPrinter],
  ['admissionregistration.k8s.io/mutatingwebhookconfigurations', ext.mutatingWebhookPrinter],
  ['admissionregistration.k8s.io/validatingwebhookconfigurations', ext.validatingWebhookPrinter],
  ['admissionregistration.k8s.io/validatingadmissionpolicies', ext.validatingAdmissionPolicyPrinter],
  ['admissionregistration.k8s.io/validatingadmissionpolicybindings', ext.validatingAdmissionPolicyBindingPrinter],
  ['apiregistration.k8s.io/apiservices', ext.apiServicePrinter],
  ['certificates.k8s.io/certificatesigningrequests', ext.csrPrinter],
  ['node.k8s.io/runtimeclasses', ext.runtimeClassPrinter],
  ['storage.k8s.io/csidrivers', ext.csiDriverPrinter],
  ['storage.k8s.io/csinodes', ext.csiNodePrinter],
  ['storage.k8s.io/csistoragecapacities', ext.csiStorageCapacityPrinter],
  ['storage.k8s.io/volumeattachments', ext.volumeAttachmentPrinter],
  ['flowcontrol.apiserver.k8s.io/flowschemas', ext.flowSchemaPrinter],
  ['flowcontrol.apiserver.k8s.io/prioritylevelconfigurations', ext.priorityLevelPrinter],
]);

/**
 * The printer for a built-in resource, keyed "<group>/<resource>" ("/pods", "apps/deployments").
 * Undefined for resources Kubernetes has no table for (create-only reviews, bindings) and for custom resources,
 * which use crdPrinter (or defaultPrinter when their CRD lists no printer columns).
 */
export function printerFor(group: string, resource: string): TablePrinter | undefined {
  return printers.get(`${group}/${resource}`);
}
