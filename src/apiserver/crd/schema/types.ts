// JSONSchemaProps: the OpenAPI v3 schema of a CustomResourceDefinition version (apiextensions.k8s.io/v1), as JSON.

import type { JsonValue } from '../../../api/object.ts';

/** One `x-kubernetes-validations` rule. CEL is not evaluated by skiff; rules are carried, never run. */
export interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

/**
 * A schema node. Field names are the wire names. Anything may be absent; values come from user CRDs,
 * so readers must tolerate wrong shapes (see the accessors below).
 */
export interface JSONSchemaProps {
  id?: string;
  $schema?: string;
  $ref?: string;
  description?: string;
  type?: string;
  format?: string;
  title?: string;
  default?: JsonValue;
  maximum?: number;
  exclusiveMaximum?: boolean;
  minimum?: number;
  exclusiveMinimum?: boolean;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  maxItems?: number;
  minItems?: number;
  uniqueItems?: boolean;
  multipleOf?: number;
  enum?: JsonValue[];
  maxProperties?: number;
  minProperties?: number;
  required?: string[];
  /** A single schema (an array of schemas is not allowed in CRDs). */
  items?: JSONSchemaProps | JSONSchemaProps[];
  allOf?: JSONSchemaProps[];
  oneOf?: JSONSchemaProps[];
  anyOf?: JSONSchemaProps[];
  not?: JSONSchemaProps;
  properties?: Record<string, JSONSchemaProps>;
  additionalProperties?: JSONSchemaProps | boolean;
  patternProperties?: Record<string, JSONSchemaProps>;
  dependencies?: Record<string, JSONSchemaProps | string[]>;
  additionalItems?: JSONSchemaProps | boolean;
  definitions?: Record<string, JSONSchemaProps>;
  externalDocs?: { description?: string; url?: string };
  example?: JsonValue;
  nullable?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-map-type'?: string;
  'x-kubernetes-validations'?: ValidationRule[];
}

export type JSONObject = Record<string, unknown>;

export function isObject(v: unknown): v is JSONObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A schema node if `v` looks like one. */
export function asSchema(v: unknown): JSONSchemaProps | undefined {
  return isObject(v) ? (v as JSONSchemaProps) : undefined;
}

/** The declared properties, in declaration order. */
export function propertiesOf(s: JSONSchemaProps | undefined): [string, JSONSchemaProps][] {
  if (!s || !isObject(s.properties)) return [];
  const out: [string, JSONSchemaProps][] = [];
  for (const [k, v] of Object.entries(s.properties)) {
    const p = asSchema(v);
    if (p) out.push([k, p]);
  }
  return out;
}

export function propertyOf(s: JSONSchemaProps | undefined, name: string): JSONSchemaProps | undefined {
  if (!s || !isObject(s.properties) || !Object.hasOwn(s.properties, name)) return undefined;
  return asSchema(s.properties[name]);
}

/** The single items schema (undefined for none or for a tuple). */
export function itemsOf(s: JSONSchemaProps | undefined): JSONSchemaProps | undefined {
  return s && !Array.isArray(s.items) ? asSchema(s.items) : undefined;
}

/**
 * additionalProperties as the structural schema sees it: absent, a schema, or a bare boolean
 * (which allows, or forbids, values without describing them).
 */
export type AdditionalProperties = { kind: 'none' } | { kind: 'schema'; schema: JSONSchemaProps } | { kind: 'bool'; allows: boolean };

export function additionalPropertiesOf(s: JSONSchemaProps | undefined): AdditionalProperties {
  const ap = s?.additionalProperties;
  if (typeof ap === 'boolean') return { kind: 'bool', allows: ap };
  const schema = asSchema(ap);
  return schema ? { kind: 'schema', schema } : { kind: 'none' };
}

export function schemaList(v: unknown): JSONSchemaProps[] {
  return Array.isArray(v) ? v.map(asSchema).filter((x): x is JSONSchemaProps => x !== undefined) : [];
}

export function typeOf(s: JSONSchemaProps | undefined): string {
  return s && typeof s.type === 'string' ? s.type : '';
}

export function flag(s: JSONSchemaProps | undefined, name: 'nullable' | 'uniqueItems' | 'exclusiveMaximum' | 'exclusiveMinimum'
  | 'x-kubernetes-preserve-unknown-fields' | 'x-kubernetes-embedded-resource' | 'x-kubernetes-int-or-string'): boolean {
  return s?.[name] === true;
}

export function numberOf(s: JSONSchemaProps | undefined, name: 'maximum' | 'minimum' | 'multipleOf' | 'maxLength' | 'minLength'
  | 'maxItems' | 'minItems' | 'maxProperties' | 'minProperties'): number | undefined {
  const v = s?.[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function stringsOf(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
