// TypeInfo: the structural facts about an API type that patching, apply and field validation need.

import type { JsonValue } from '../object.ts';

/**
 * A node of a type's structure. Built-in kinds get theirs from the schema data in this folder;
 * custom resources from their CRD's openAPIV3Schema. Nodes are immutable and may be shared.
 *
 * - `object`: a struct with known fields (`field(name)`); unknown names are unknown fields unless
 *   `preserveUnknownFields` is set.
 * - `map`: string keys, values of type `elem` (labels, resources.limits, data...).
 * - `list`: items of type `elem`.
 * - `scalar`: string/number/boolean (and int-or-string, quantity, time — all leaves).
 * - `any`: free-form JSON (RawExtension, JSON fields, x-kubernetes-preserve-unknown-fields without properties).
 */
export interface TypeInfo {
  readonly kind: 'object' | 'map' | 'list' | 'scalar' | 'any';
  /** For `object`: the type of a named field, or undefined when the field is not declared. */
  field?(name: string): TypeInfo | undefined;
  /** For `object`: the declared field names (for enumeration in apply and explain). */
  fieldNames?(): readonly string[];
  /** For `map` values and `list` items. */
  readonly elem?: TypeInfo;
  /** For `object`: keep fields that are not declared (x-kubernetes-preserve-unknown-fields). */
  readonly preserveUnknownFields?: boolean;
  /** Scalar subtype, for messages and validation: string, integer, number, boolean, int-or-string. */
  readonly scalar?: 'string' | 'integer' | 'number' | 'boolean' | 'int-or-string';

  /** Strategic merge patch: "merge", "replace", "retainKeys", "merge,retainKeys" (Go struct tag patchStrategy). */
  readonly patchStrategy?: string;
  /** Strategic merge patch: the key that identifies list items (Go struct tag patchMergeKey). */
  readonly patchMergeKey?: string;

  /** Server-side apply: x-kubernetes-list-type. Absent means atomic. */
  readonly listType?: 'atomic' | 'set' | 'map';
  /** Server-side apply: x-kubernetes-list-map-keys for listType=map. */
  readonly listMapKeys?: readonly string[];
  /** Server-side apply: x-kubernetes-map-type ("granular" default, or "atomic"); applies to maps and structs. */
  readonly mapType?: 'atomic' | 'granular';

  /** OpenAPI format of a scalar: int32, int64, double, byte (base64), date-time, int-or-string, quantity. */
  readonly format?: string;
  /** Allowed values of a scalar, where Kubernetes declares them (Go `+enum` types, CRD `enum`). */
  readonly enum?: readonly JsonValue[];
  /** Declared default value (OpenAPI `default`), e.g. "TCP" for ContainerPort.protocol. */
  readonly default?: JsonValue;
  /** For `object`: the names of required fields. */
  readonly required?: readonly string[];
  /** For `object`: x-kubernetes-embedded-resource — carries its own apiVersion, kind and metadata. */
  readonly embeddedResource?: boolean;
  /** The definition this node stands for (built-in kinds), e.g. io.k8s.api.core.v1.Container. */
  readonly definition?: string;
}
