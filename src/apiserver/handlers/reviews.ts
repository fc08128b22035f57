// Create-only review resources: SelfSubjectAccessReview, SelfSubjectRulesReview, SubjectAccessReview, SelfSubjectReview.

import { isPlainObject, type KObject } from '../../api/object.ts';
import { decodeObject } from './decode.ts';
import { negotiate } from '../http.ts';
import { StatusError } from '../../api/errors.ts';
import { respondObject } from './respond.ts';
import type { Scope } from './scope.ts';

/** Authorization allows every authenticated user for now (RBAC comes later); reviews answer accordingly. */
export async function handleReview(s: Scope): Promise<void> {
  // Reviews have no object metadata to print: Kubernetes refuses the Table and metadata-only forms.
  const n = negotiate(s.req);
  if (n.table || n.partial) throw new StatusError(406, 'NotAcceptable', 'the server was unable to respond with a content type that the client supports');
  const obj = await decodeObject(s);
  const out: KObject = { kind: s.def.kind, apiVersion: s.def.apiVersion, metadata: { creationTimestamp: null }, spec: obj.spec };
  switch (s.def.resource) {
    case 'selfsubjectaccessreviews':
    case 'subjectaccessreviews':
    case 'localsubjectaccessreviews':
      out.status = { allowed: true, reason: 'skiff allows all authenticated users' };
      break;
    case 'selfsubjectrulesreviews':
      out.status = {
        resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
        nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
        incomplete: false,
      };
      break;
    case 'selfsubjectreviews':
      delete out.spec;
      out.status = { userInfo: { username: s.user.name, groups: s.user.groups, ...(s.user.uid ? { uid: s.user.uid } : {}) } };
      break;
    case 'tokenreviews':
      out.status = { authenticated: false, error: 'token review is not supported yet' };
      break;
  }
  if (!isPlainObject(out.spec)) delete out.spec;
  respondObject(s, 201, out);
}
