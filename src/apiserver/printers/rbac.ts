// rbac.authorization.k8s.io/v1 binding tables: the role referred to and, wide, the users, groups and service accounts bound.

import type { KObject } from '../../api/object.ts';
import { ageColumn, ageOf, col, nameColumn, nameOf, wide } from './columns.ts';
import type { TableColumn, TablePrinter } from './types.ts';
import { list, str } from './values.ts';

/** rbac.SubjectsStrings: user names, group names and "namespace/name" of service accounts. */
export function subjectsStrings(subjects: unknown[]): [string[], string[], string[]] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects) {
    switch (str(s, 'kind')) {
      case 'ServiceAccount': sas.push(`${str(s, 'namespace')}/${str(s, 'name')}`); break;
      case 'User': users.push(str(s, 'name')); break;
      case 'Group': groups.push(str(s, 'name')); break;
    }
  }
  return [users, groups, sas];
}

function bindingColumns(what: string): readonly TableColumn[] {
  return [
    nameColumn,
    col('Role', 'string', 'Role the binding grants, as Kind/name.'),
    ageColumn,
    wide('Users', 'string', `Users in the ${what}.`),
    wide('Groups', 'string', `Groups in the ${what}.`),
    wide('ServiceAccounts', 'string', `Service accounts in the ${what}.`),
  ];
}

function bindingRow(b: KObject, now: number): unknown[] {
  const [users, groups, sas] = subjectsStrings(list(b, 'subjects'));
  return [
    nameOf(b), `${str(b, 'roleRef', 'kind')}/${str(b, 'roleRef', 'name')}`, ageOf(b, now),
    users.join(', '), groups.join(', '), sas.join(', '),
  ];
}

export const roleBindingPrinter: TablePrinter = { columns: bindingColumns('roleBinding'), row: bindingRow };
export const clusterRoleBindingPrinter: TablePrinter = { columns: bindingColumns('clusterRoleBinding'), row: bindingRow };
