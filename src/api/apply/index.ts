// Server-side apply and managedFields: the public surface used by the API server's handlers.

export { apply, gvkString } from './apply.ts';
export type { ApplyOptions } from './apply.ts';
export { recordUpdate, managerFromUserAgent } from './update.ts';
export type { RecordUpdateOptions } from './update.ts';
export { checkObjectMatchesRequest, isApplyPatchType, validateFieldManager, validateManagedFields, validatePatchOptions } from './validate.ts';
export { FieldSet } from './field-set.ts';
export { toFieldSet } from './extract.ts';
export { LAST_APPLIED_ANNOTATION } from './last-applied.ts';
