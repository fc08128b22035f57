// Security contexts: seccomp and AppArmor profiles, user and group ids, privilege combinations.

import { type Obj, bool, num, obj, s, str, strs } from './access.ts';
import { type Errors, child, invalid, notSupported, required } from './field.ts';
import { isValidGroupID, isValidUserID } from './names.ts';
import { validateLocalDescendingPath } from './core-volume.ts';

export function validateSeccompProfile(sp: Obj | undefined, path: string): Errors {
  if (!sp) return [];
  const errs: Errors = [];
  const t = s(sp, 'type');
  const types = ['Localhost', 'RuntimeDefault', 'Unconfined'];
  if (!t) errs.push(required(child(path, 'type'), 'type is required when seccompProfile is set'));
  else if (!types.includes(t)) errs.push(notSupported(child(path, 'type'), t, types));
  const lp = str(sp, 'localhostProfile');
  if (t === 'Localhost') {
    if (lp === undefined) errs.push(required(child(path, 'localhostProfile'), 'must be set when seccomp type is Localhost'));
    else errs.push(...validateLocalDescendingPath(lp, child(path, 'localhostProfile')));
  } else if (lp !== undefined) {
    errs.push(invalid(child(path, 'localhostProfile'), sp, 'can only be set when seccomp type is Localhost'));
  }
  return errs;
}

export function validateAppArmorProfile(ap: Obj | undefined, path: string): Errors {
  if (!ap) return [];
  const t = s(ap, 'type');
  const lp = str(ap, 'localhostProfile');
  switch (t) {
    case 'Localhost':
      if (lp === undefined || lp.trim() === '') return [required(child(path, 'localhostProfile'), 'must be set when AppArmor type is Localhost')];
      if (lp.trim() !== lp) return [invalid(child(path, 'localhostProfile'), lp, 'must not be padded with whitespace')];
      return [];
    case 'RuntimeDefault':
    case 'Unconfined':
      return lp !== undefined ? [invalid(child(path, 'localhostProfile'), lp, 'can only be set when AppArmor type is Localhost')] : [];
    case '':
      return [required(child(path, 'type'), 'type is required when appArmorProfile is set')];
    default:
      return [notSupported(child(path, 'type'), t, ['Localhost', 'RuntimeDefault', 'Unconfined'])];
  }
}

export function validateSecurityContext(sc: Obj | undefined, hostUsers: boolean, path: string): Errors {
  if (!sc) return [];
  const errs: Errors = [];
  for (const f of ['runAsUser', 'runAsGroup']) {
    const v = num(sc, f);
    if (v !== undefined) for (const m of (f === 'runAsUser' ? isValidUserID : isValidGroupID)(v)) errs.push(invalid(child(path, f), v, m));
  }
  const pm = str(sc, 'procMount');
  if (pm !== undefined) {
    if (pm !== 'Default' && pm !== 'Unmasked') errs.push(notSupported(child(path, 'procMount'), pm, ['Default', 'Unmasked']));
    if (hostUsers && pm === 'Unmasked') errs.push(invalid(child(path, 'procMount'), pm, '`hostUsers` must be false to use `Unmasked`'));
  }
  errs.push(...validateSeccompProfile(obj(sc, 'seccompProfile'), child(path, 'seccompProfile')));
  if (bool(sc, 'allowPrivilegeEscalation') === false) {
    if (bool(sc, 'privileged') === true) errs.push(invalid(path, sc, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    if (strs(obj(sc, 'capabilities'), 'add').includes('CAP_SYS_ADMIN')) {
      errs.push(invalid(path, sc, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
    }
  }
  errs.push(...validateAppArmorProfile(obj(sc, 'appArmorProfile'), child(path, 'appArmorProfile')));
  return errs;
}
