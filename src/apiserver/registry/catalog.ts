// The catalog of built-in resources skiff serves: names, scope and subresources, as Kubernetes 1.32 has them.

export interface ResourceInfo {
  readonly group: string;
  readonly version: string;
  /** Plural, lower-case: "deployments". */
  readonly resource: string;
  readonly kind: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  /** Subresources: "status", "scale", "binding", "eviction", "log", ... */
  readonly subresources?: readonly string[];
  /** Verbs this resource allows; default: the full set. */
  readonly verbs?: readonly string[];
}

export const allVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

function r(group: string, version: string, resource: string, kind: string, namespaced: boolean,
  extra: Partial<ResourceInfo> = {}): ResourceInfo {
  return { group, version, resource, kind, singular: kind.toLowerCase(), namespaced, ...extra };
}

const all = ['all'];

export const builtinResources: readonly ResourceInfo[] = [
  // core/v1
  r('', 'v1', 'namespaces', 'Namespace', false, { shortNames: ['ns'], subresources: ['status', 'finalize'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }),
  r('', 'v1', 'pods', 'Pod', true, { shortNames: ['po'], categories: all, subresources: ['status', 'binding', 'eviction', 'log', 'exec', 'attach', 'portforward', 'ephemeralcontainers', 'resize'] }),
  r('', 'v1', 'services', 'Service', true, { shortNames: ['svc'], categories: all, subresources: ['status', 'proxy'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }),
  r('', 'v1', 'endpoints', 'Endpoints', true, { shortNames: ['ep'], singular: 'endpoints' }),
  r('', 'v1', 'configmaps', 'ConfigMap', true, { shortNames: ['cm'] }),
  r('', 'v1', 'secrets', 'Secret', true),
  r('', 'v1', 'serviceaccounts', 'ServiceAccount', true, { shortNames: ['sa'], subresources: ['token'] }),
  r('', 'v1', 'nodes', 'Node', false, { shortNames: ['no'], subresources: ['status', 'proxy'] }),
  r('', 'v1', 'events', 'Event', true, { shortNames: ['ev'] }),
  r('', 'v1', 'persistentvolumes', 'PersistentVolume', false, { shortNames: ['pv'], subresources: ['status'] }),
  r('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true, { shortNames: ['pvc'], subresources: ['status'] }),
  r('', 'v1', 'limitranges', 'LimitRange', true, { shortNames: ['limits'] }),
  r('', 'v1', 'resourcequotas', 'ResourceQuota', true, { shortNames: ['quota'], subresources: ['status'] }),
  r('', 'v1', 'replicationcontrollers', 'ReplicationController', true, { shortNames: ['rc'], categories: all, subresources: ['status', 'scale'] }),
  r('', 'v1', 'podtemplates', 'PodTemplate', true),
  r('', 'v1', 'bindings', 'Binding', true, { verbs: ['create'] }),
  r('', 'v1', 'componentstatuses', 'ComponentStatus', false, { shortNames: ['cs'], verbs: ['get', 'list'] }),
  // apps/v1
  r('apps', 'v1', 'deployments', 'Deployment', true, { shortNames: ['deploy'], categories: all, subresources: ['status', 'scale'] }),
  r('apps', 'v1', 'replicasets', 'ReplicaSet', true, { shortNames: ['rs'], categories: all, subresources: ['status', 'scale'] }),
  r('apps', 'v1', 'statefulsets', 'StatefulSet', true, { shortNames: ['sts'], categories: all, subresources: ['status', 'scale'] }),
  r('apps', 'v1', 'daemonsets', 'DaemonSet', true, { shortNames: ['ds'], categories: all, subresources: ['status'] }),
  r('apps', 'v1', 'controllerrevisions', 'ControllerRevision', true),
  // batch/v1
  r('batch', 'v1', 'jobs', 'Job', true, { categories: all, subresources: ['status'] }),
  r('batch', 'v1', 'cronjobs', 'CronJob', true, { shortNames: ['cj'], categories: all, subresources: ['status'] }),
  // autoscaling
  r('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, { shortNames: ['hpa'], categories: all, subresources: ['status'] }),
  r('autoscaling', 'v1', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, { shortNames: ['hpa'], categories: all, subresources: ['status'] }),
  // networking.k8s.io/v1
  r('networking.k8s.io', 'v1', 'ingresses', 'Ingress', true, { shortNames: ['ing'], subresources: ['status'] }),
  r('networking.k8s.io', 'v1', 'ingressclasses', 'IngressClass', false),
  r('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', true, { shortNames: ['netpol'] }),
  // discovery.k8s.io/v1
  r('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice', true),
  // coordination.k8s.io/v1
  r('coordination.k8s.io', 'v1', 'leases', 'Lease', true),
  // rbac.authorization.k8s.io/v1
  r('rbac.authorization.k8s.io', 'v1', 'roles', 'Role', true),
  r('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding', true),
  r('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false),
  r('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', false),
  // storage.k8s.io/v1
  r('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false, { shortNames: ['sc'] }),
  // policy/v1
  r('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', true, { shortNames: ['pdb'], subresources: ['status'] }),
  // scheduling.k8s.io/v1
  r('scheduling.k8s.io', 'v1', 'priorityclasses', 'PriorityClass', false, { shortNames: ['pc'] }),
  // events.k8s.io/v1 (same objects as core events, newer shape)
  r('events.k8s.io', 'v1', 'events', 'Event', true, { shortNames: ['ev'] }),
  // admissionregistration.k8s.io/v1 (stored and served; webhooks are not called yet)
  r('admissionregistration.k8s.io', 'v1', 'mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', false, { categories: ['api-extensions'] }),
  r('admissionregistration.k8s.io', 'v1', 'validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', false, { categories: ['api-extensions'] }),
  r('admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicies', 'ValidatingAdmissionPolicy', false, { categories: ['api-extensions'], subresources: ['status'] }),
  r('admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicybindings', 'ValidatingAdmissionPolicyBinding', false, { categories: ['api-extensions'] }),
  // apiregistration.k8s.io/v1
  r('apiregistration.k8s.io', 'v1', 'apiservices', 'APIService', false, { categories: ['api-extensions'], subresources: ['status'] }),
  // certificates.k8s.io/v1
  r('certificates.k8s.io', 'v1', 'certificatesigningrequests', 'CertificateSigningRequest', false, { shortNames: ['csr'], subresources: ['status', 'approval'] }),
  // node.k8s.io/v1
  r('node.k8s.io', 'v1', 'runtimeclasses', 'RuntimeClass', false),
  // storage.k8s.io/v1 (more)
  r('storage.k8s.io', 'v1', 'csidrivers', 'CSIDriver', false),
  r('storage.k8s.io', 'v1', 'csinodes', 'CSINode', false),
  r('storage.k8s.io', 'v1', 'csistoragecapacities', 'CSIStorageCapacity', true),
  r('storage.k8s.io', 'v1', 'volumeattachments', 'VolumeAttachment', false, { subresources: ['status'] }),
  // flowcontrol.apiserver.k8s.io/v1 (stored and served; requests are not yet queued by them)
  r('flowcontrol.apiserver.k8s.io', 'v1', 'flowschemas', 'FlowSchema', false, { subresources: ['status'] }),
  r('flowcontrol.apiserver.k8s.io', 'v1', 'prioritylevelconfigurations', 'PriorityLevelConfiguration', false, { subresources: ['status'] }),
  // apiextensions.k8s.io/v1
  r('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', false, { shortNames: ['crd', 'crds'], categories: ['api-extensions'], subresources: ['status'] }),
  // authorization / authentication (create-only virtual resources)
  r('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false, { verbs: ['create'] }),
  r('authorization.k8s.io', 'v1', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', false, { verbs: ['create'] }),
  r('authorization.k8s.io', 'v1', 'subjectaccessreviews', 'SubjectAccessReview', false, { verbs: ['create'] }),
  r('authorization.k8s.io', 'v1', 'localsubjectaccessreviews', 'LocalSubjectAccessReview', true, { verbs: ['create'] }),
  r('authentication.k8s.io', 'v1', 'selfsubjectreviews', 'SelfSubjectReview', false, { verbs: ['create'] }),
  r('authentication.k8s.io', 'v1', 'tokenreviews', 'TokenReview', false, { verbs: ['create'] }),
];
