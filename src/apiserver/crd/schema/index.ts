// CRD schema support for custom resources: validation, defaulting, pruning, and checks of the schemas themselves.

export type { JSONSchemaProps, ValidationRule } from './types.ts';
export { validateAgainstSchema, validateUpdateAgainstSchema } from './validate.ts';
export { applySchemaDefaults } from './defaults.ts';
export { pruneUnknownFields } from './prune.ts';
export { coerceObjectMeta } from './embedded.ts';
export { checkStructural, isStructural, schemaValidationPath, type StructuralOptions } from './structural.ts';
