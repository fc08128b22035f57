// Tables of the API-extension and node/storage plumbing kinds: webhooks, admission policies, APIServices, CSRs, RuntimeClasses, CSI objects.

import { ageColumn, ageOf, col, nameColumn, nameOf } from './columns.ts';
import type { TablePrinter } from './types.ts';
import { at, dict, list, optStr, str } from './values.ts';

const webhooks: TablePrinter = {
  columns: [nameColumn, col('Webhooks', 'integer', 'Number of webhooks in the configuration.'), ageColumn],
  row: (o, now) => [nameOf(o), list(o, 'webhooks').length, ageOf(o, now)],
};
export const mutatingWebhookPrinter = webhooks;
export const validatingWebhookPrinter = webhooks;

export const validatingAdmissionPolicyPrinter: TablePrinter = {
  columns: [nameColumn, col('Validations', 'integer', 'Number of validations in the policy.'),
    col('ParamKind', 'string', 'Kind of the parameter resource.'), ageColumn],
  row: (o, now) => {
    const pk = dict(o, 'spec', 'paramKind');
    return [nameOf(o), list(o, 'spec', 'validations').length, pk.kind ? `${str(pk, 'apiVersion')}/${str(pk, 'kind')}` : '<unset>', ageOf(o, now)];
  },
};

export const validatingAdmissionPolicyBindingPrinter: TablePrinter = {
  columns: [nameColumn, col('PolicyName', 'string', 'Policy the binding applies.'), col('ParamRef', 'string', 'Parameter resource reference.'), ageColumn],
  row: (o, now) => {
    const pr = dict(o, 'spec', 'paramRef');
    const ref = pr.name ? `${optStr(pr, 'namespace') ? `${str(pr, 'namespace')}/` : ''}${str(pr, 'name')}` : '<unset>';
    return [nameOf(o), str(o, 'spec', 'policyName'), ref, ageOf(o, now)];
  },
};

export const apiServicePrinter: TablePrinter = {
  columns: [nameColumn, col('Service', 'string', 'The service behind the API, or Local.'),
    col('Available', 'string', 'Whether the API is available.'), ageColumn],
  row: (o, now) => {
    const svc = dict(o, 'spec', 'service');
    const service = svc.name ? `${str(svc, 'namespace')}/${str(svc, 'name')}` : 'Local';
    const cond = list(o, 'status', 'conditions').find((c) => at(c, 'type') === 'Available');
    let available = 'Unknown';
    if (cond) available = at(cond, 'status') === 'True' ? 'True' : `False (${str(cond, 'reason')})`;
    return [nameOf(o), service, available, ageOf(o, now)];
  },
};

export const csrPrinter: TablePrinter = {
  columns: [nameColumn, ageColumn, col('SignerName', 'string', 'Signer asked to sign the request.'),
    col('Requestor', 'string', 'User that made the request.'), col('RequestedDuration', 'string', 'Validity asked for.'),
    col('Condition', 'string', 'Approved, Denied, Failed and Issued states.')],
  row: (o, now) => {
    const conds = list(o, 'status', 'conditions').map((c) => str(c, 'type')).filter(Boolean);
    if (str(o, 'status', 'certificate')) conds.push('Issued');
    const secs = at(o, 'spec', 'expirationSeconds');
    const dur = typeof secs === 'number' ? (secs % 3600 === 0 ? `${secs / 3600}h` : `${Math.floor(secs / 60)}m`) : '<none>';
    return [nameOf(o), ageOf(o, now), str(o, 'spec', 'signerName'), str(o, 'spec', 'username'), dur, conds.length ? conds.join(',') : 'Pending'];
  },
};

export const runtimeClassPrinter: TablePrinter = {
  columns: [nameColumn, col('Handler', 'string', 'The container runtime handler.'), ageColumn],
  row: (o, now) => [nameOf(o), str(o, 'handler'), ageOf(o, now)],
};

export const csiDriverPrinter: TablePrinter = {
  columns: [nameColumn, col('AttachRequired', 'boolean', 'Whether volumes need attaching.'),
    col('PodInfoOnMount', 'boolean', 'Whether pod information is passed on mount.'), ageColumn],
  row: (o, now) => [nameOf(o), at(o, 'spec', 'attachRequired') ?? true, at(o, 'spec', 'podInfoOnMount') ?? false, ageOf(o, now)],
};

export const csiNodePrinter: TablePrinter = {
  columns: [nameColumn, col('Drivers', 'integer', 'Number of CSI drivers on the node.'), ageColumn],
  row: (o, now) => [nameOf(o), list(o, 'spec', 'drivers').length, ageOf(o, now)],
};

export const csiStorageCapacityPrinter: TablePrinter = {
  columns: [nameColumn, col('StorageClassName', 'string', 'Storage class the capacity is for.'),
    col('Capacity', 'string', 'Capacity available.'), ageColumn],
  row: (o, now) => [nameOf(o), str(o, 'storageClassName'), str(o, 'capacity') || '<unset>', ageOf(o, now)],
};

export const volumeAttachmentPrinter: TablePrinter = {
  columns: [nameColumn, col('Attacher', 'string', 'The CSI driver attaching the volume.'),
    col('PV', 'string', 'The persistent volume attached.'), col('Node', 'string', 'The node attached to.'),
    col('Attached', 'boolean', 'Whether the volume is attached.'), ageColumn],
  row: (o, now) => [nameOf(o), str(o, 'spec', 'attacher'), str(o, 'spec', 'source', 'persistentVolumeName'),
    str(o, 'spec', 'nodeName'), at(o, 'status', 'attached') === true, ageOf(o, now)],
};

export const flowSchemaPrinter: TablePrinter = {
  columns: [nameColumn, col('PriorityLevel', 'string', 'The priority level requests matched go to.'),
    col('MatchingPrecedence', 'string', 'Lower values match first.'), col('DistinguisherMethod', 'string', 'How flows are told apart.'),
    ageColumn, col('MissingPL', 'string', 'Whether the priority level named does not exist.')],
  row: (o, now) => {
    const missing = list(o, 'status', 'conditions').find((c) => at(c, 'type') === 'Dangling');
    return [nameOf(o), str(o, 'spec', 'priorityLevelConfiguration', 'name'), String(at(o, 'spec', 'matchingPrecedence') ?? 0),
      str(o, 'spec', 'distinguisherMethod', 'type') || '<none>', ageOf(o, now), missing ? str(missing, 'status') : '?'];
  },
};

export const priorityLevelPrinter: TablePrinter = {
  columns: [nameColumn, col('Type', 'string', 'Exempt or Limited.'), col('NominalConcurrencyShares', 'string', 'Share of the server\'s concurrency.'),
    col('Queues', 'string', 'Number of queues.'), col('HandSize', 'string', 'Shuffle-sharding hand size.'),
    col('QueueLengthLimit', 'string', 'Requests a queue may hold.'), ageColumn],
  row: (o, now) => {
    const limited = dict(o, 'spec', 'limited');
    const queuing = dict(limited, 'limitResponse', 'queuing');
    const q = (k: string) => (at(queuing, k) === undefined ? '<none>' : String(at(queuing, k)));
    const shares = at(limited, 'nominalConcurrencyShares') ?? at(o, 'spec', 'exempt', 'nominalConcurrencyShares');
    return [nameOf(o), str(o, 'spec', 'type'), shares === undefined ? '<none>' : String(shares), q('queues'), q('handSize'), q('queueLengthLimit'), ageOf(o, now)];
  },
};
