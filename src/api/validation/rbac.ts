// rbac.authorization.k8s.io/v1: policy rules, role references and subjects of (Cluster)Roles and bindings.

import { type Obj, isObj, obj, objs, s, strs } from './access.ts';
import { type Errors, child, deepEqual, index, invalid, notSupported, required } from './field.ts';
import { isValidPathSegmentName, nameIsDNSSubdomain } from './names.ts';
import { selectorMatcher, validateLabelSelector } from './selector.ts';

const rbacGroup = 'rbac.authorization.k8s.io';

function validatePolicyRule(rule: Obj, namespaced: boolean, path: string): Errors {
  const errs: Errors = [];
  if (strs(rule, 'verbs').length === 0) errs.push(required(child(path, 'verbs'), 'verbs must contain at least one value'));
  const urls = strs(rule, 'nonResourceURLs');
  if (urls.length > 0) {
    if (namespaced) errs.push(invalid(child(path, 'nonResourceURLs'), urls, 'namespaced rules cannot apply to non-resource URLs'));
    if (strs(rule, 'apiGroups').length || strs(rule, 'resources').length || strs(rule, 'resourceNames').length) {
      errs.push(invalid(child(path, 'nonResourceURLs'), urls, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if (strs(rule, 'apiGroups').length === 0) errs.push(required(child(path, 'apiGroups'), 'resource rules must supply at least one api group'));
  if (strs(rule, 'resources').length === 0) errs.push(required(child(path, 'resources'), 'resource rules must supply at least one resource'));
  return errs;
}

function validateRules(role: Obj, namespaced: boolean): Errors {
  return objs(role, 'rules').flatMap(([r, i]) => validatePolicyRule(r, namespaced, index('rules', i)));
}

export function validateRole(role: Obj): Errors {
  return validateRules(role, true);
}

export function validateClusterRole(role: Obj): Errors {
  const errs = validateRules(role, false);
  const agg = obj(role, 'aggregationRule');
  if (agg) {
    const sels = objs(agg, 'clusterRoleSelectors');
    if (sels.length === 0) errs.push(required('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    for (const [sel, i] of sels) {
      const p = index('aggregationRule.clusterRoleSelectors', i);
      errs.push(...validateLabelSelector(sel, p));
      if (selectorMatcher(sel).kind === 'error') errs.push(invalid(p, sel, 'invalid label selector.'));
    }
  }
  return errs;
}

function validateSubject(subject: Obj, namespaced: boolean, path: string): Errors {
  const errs: Errors = [];
  const name = s(subject, 'name');
  const group = s(subject, 'apiGroup');
  if (!name) errs.push(required(child(path, 'name')));
  switch (s(subject, 'kind')) {
    case 'ServiceAccount':
      if (name) for (const m of nameIsDNSSubdomain(name, false)) errs.push(invalid(child(path, 'name'), name, m));
      if (group) errs.push(notSupported(child(path, 'apiGroup'), group, ['']));
      if (!namespaced && !s(subject, 'namespace')) errs.push(required(child(path, 'namespace')));
      break;
    case 'User':
    case 'Group':
      if (group !== rbacGroup) errs.push(notSupported(child(path, 'apiGroup'), group, [rbacGroup]));
      break;
    default:
      errs.push(notSupported(child(path, 'kind'), s(subject, 'kind'), ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function validateBinding(binding: Obj, namespaced: boolean): Errors {
  const errs: Errors = [];
  const ref = obj(binding, 'roleRef') ?? {};
  if (s(ref, 'apiGroup') !== rbacGroup) errs.push(notSupported('roleRef.apiGroup', s(ref, 'apiGroup'), [rbacGroup]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(s(ref, 'kind'))) errs.push(notSupported('roleRef.kind', s(ref, 'kind'), kinds));
  const name = s(ref, 'name');
  if (!name) errs.push(required('roleRef.name'));
  else for (const m of isValidPathSegmentName(name)) errs.push(invalid('roleRef.name', name, m));
  for (const [subject, i] of objs(binding, 'subjects')) errs.push(...validateSubject(subject, namespaced, index('subjects', i)));
  return errs;
}

export function validateRoleBinding(rb: Obj): Errors {
  return validateBinding(rb, true);
}

export function validateClusterRoleBinding(crb: Obj): Errors {
  return validateBinding(crb, false);
}

/** A binding's roleRef can never change. */
export function validateRoleRefUpdate(binding: Obj, old: Obj): Errors {
  const ref = binding.roleRef;
  return deepEqual(ref, old.roleRef) ? [] : [invalid('roleRef', isObj(ref) ? ref : null, 'cannot change roleRef')];
}
