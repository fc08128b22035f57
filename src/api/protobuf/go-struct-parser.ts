// Reads Go API type declarations (structs with json/protobuf tags, named slice/map types) from k8s.io/api sources.

export interface GoField {
  /** Go field name; for embedded fields the type's name (`TypeMeta`, `VolumeSource`). */
  name: string;
  /** Go type as written: `*int32`, `[]Container`, `metav1.ObjectMeta`. */
  goType: string;
  embedded: boolean;
  /** JSON name from the json tag ('' when inline or absent, '-' when skipped). */
  json: string;
  omitempty: boolean;
  inline: boolean;
  /** Protobuf field number from the protobuf tag, when there is one. */
  protoNumber?: number;
}

export interface GoTypes {
  structs: Map<string, GoField[]>;
  /** Named non-struct types: `Verbs` → `[]string`, `ResourceList` → `map[ResourceName]resource.Quantity`, `List` → `metav1.List`. */
  named: Map<string, string>;
}

function tagValue(tags: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${key}:"([^"]*)"`).exec(tags);
  return m ? m[1] : undefined;
}

/** Parses one field line (comments removed) of a struct body; undefined for blank or unsupported lines. */
export function parseFieldLine(line: string): GoField | undefined {
  const tick = line.indexOf('`');
  const tags = tick >= 0 ? line.slice(tick + 1, line.lastIndexOf('`')) : '';
  const words = (tick >= 0 ? line.slice(0, tick) : line).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 2) return undefined;
  const embedded = words.length === 1;
  const goType = embedded ? words[0] : words[1];
  const name = embedded ? goType.replace(/^\*/, '').replace(/^.*\./, '') : words[0];
  if (!/^\w+$/.test(name)) return undefined;
  const jsonTag = tagValue(tags, 'json');
  const opts = jsonTag === undefined ? [] : jsonTag.split(',').slice(1);
  const field: GoField = {
    name,
    goType,
    embedded,
    json: jsonTag === undefined ? (embedded ? '' : name) : jsonTag.split(',')[0],
    omitempty: opts.includes('omitempty'),
    // encoding/json inlines an embedded struct that has no json name
    inline: embedded && (jsonTag === undefined || jsonTag.split(',')[0] === ''),
  };
  const proto = tagValue(tags, 'protobuf');
  if (proto) {
    const n = Number(proto.split(',')[1]);
    if (Number.isInteger(n)) field.protoNumber = n;
  }
  return field;
}

function stripLineComment(line: string): string {
  // Comments never contain backquotes in these files; tags never contain `//`.
  const tick = line.indexOf('`');
  const slash = line.indexOf('//');
  if (slash < 0) return line;
  if (tick >= 0 && tick < slash) {
    const close = line.indexOf('`', tick + 1);
    const after = line.indexOf('//', close + 1);
    return after < 0 ? line : line.slice(0, after);
  }
  return line.slice(0, slash);
}

/** Collects struct and named types from Go sources (one package's files). */
export function parseGoTypes(sources: string[], into: GoTypes = { structs: new Map(), named: new Map() }): GoTypes {
  for (const src of sources) {
    const text = src.replace(/\/\*[\s\S]*?\*\//g, '');
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = stripLineComment(lines[i]);
      const st = /^type\s+(\w+)\s+struct\s*\{\s*(\})?\s*$/.exec(line);
      if (st) {
        const fields: GoField[] = [];
        if (!st[2]) {
          let depth = 1;
          while (++i < lines.length) {
            const l = stripLineComment(lines[i]);
            if (/^\s*\}\s*$/.test(l) && depth === 1) break;
            depth += (l.match(/\{/g) ?? []).length - (l.match(/\}/g) ?? []).length;
            if (depth !== 1) continue;
            const f = parseFieldLine(l);
            if (f) fields.push(f);
          }
        }
        into.structs.set(st[1], fields);
        continue;
      }
      const named = /^type\s+(\w+)\s+([^\s{]+)\s*$/.exec(line);
      if (named) into.named.set(named[1], named[2]);
    }
  }
  return into;
}
