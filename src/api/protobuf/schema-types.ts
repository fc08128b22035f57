// The shape of the generated protobuf schema table (schema.json), shared by the generator and the decoder.

/** Field flags (bit set). */
export const fieldFlags = {
  /** `repeated`: a JSON array. */
  repeated: 1,
  /** The Go json tag has `omitempty`. */
  omitempty: 2,
  /** The Go field is a pointer: present-but-zero stays, absent is null / omitted. */
  pointer: 4,
  /** The Go field is embedded with `json:",inline"`: its fields join the parent object. */
  inline: 8,
  /** `map<k, v>`: a JSON object; the field's type is the value type, the key type follows. */
  map: 16,
} as const;

/**
 * One field: protobuf number, JSON name ('' when inline), type (a scalar such as `string`/`int32`/`bytes`,
 * or a message full name), flags, and for maps the key type.
 */
export type FieldSpec = [number: number, json: string, type: string, flags: number, mapKey?: string];

export interface ProtobufSchema {
  /** Where the data came from (tags, repositories). */
  source: string;
  /** Message full name → fields, in Go declaration order (the order encoding/json prints them). */
  messages: Record<string, FieldSpec[]>;
  /** Messages that wrap a Go named slice (`Verbs`, `ExtraValue`): message → element type; JSON is the array. */
  lists: Record<string, string>;
  /** apiVersion (`v1`, `apps/v1`) → kind → message full name, as each group version's scheme registers them. */
  kinds: Record<string, Record<string, string>>;
  /** Kinds every group version registers (metav1.AddToGroupVersion: DeleteOptions, ListOptions, WatchEvent, ...). */
  everyGroupVersion: Record<string, string>;
}
