// The schema tools custom resources are served with: structural validation, defaults, pruning, names, columns.

import type { FieldError } from '../../api/errors.ts';
import type { KObject } from '../../api/object.ts';
import { nameIsDNSSubdomain } from '../../api/validation/names.ts';
import type { TablePrinterLike } from '../table.ts';
import type { CRDVersion, SchemaTools } from './crd-defs.ts';
import { applySchemaDefaults, pruneUnknownFields, validateAgainstSchema, validateUpdateAgainstSchema, type JSONSchemaProps } from './schema/index.ts';

export function schemaTools(printer: (columns: NonNullable<CRDVersion['additionalPrinterColumns']>) => TablePrinterLike): SchemaTools {
  return {
    validate: (schema, obj) => validateAgainstSchema(schema as JSONSchemaProps, obj),
    validateUpdate: (schema, obj, old) => validateUpdateAgainstSchema(schema as JSONSchemaProps, obj, old),
    defaults: (schema, obj) => applySchemaDefaults(schema as JSONSchemaProps, obj),
    prune: (schema, obj) => pruneUnknownFields(schema as JSONSchemaProps, obj),
    printer,
    validateName: (name): FieldError[] => nameIsDNSSubdomain(name, false).map((detail) => ({ type: 'FieldValueInvalid', field: 'metadata.name', value: name, detail })),
  };
}

/** Undeclared field paths of a custom object, without changing it. */
export function customUnknownFields(schema: Record<string, unknown>, obj: KObject): string[] {
  return pruneUnknownFields(schema as JSONSchemaProps, structuredClone(obj));
}
