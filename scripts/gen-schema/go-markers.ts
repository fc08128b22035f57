// Reads Kubernetes Go API packages (k8s.io/api, apimachinery meta/v1) for the facts the OpenAPI v2 file lacks: enums and +default markers.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonValue } from '../../src/api/object.ts';

/** Per definition name, per JSON field name: the enum values and declared default found in Go. */
export type GoFacts = Map<string, Map<string, FieldFacts>>;

export interface FieldFacts {
  /** Enum of the field itself (scalar field). */
  enum?: string[];
  /** Enum of the items (slice field) or values (map field). */
  elemEnum?: string[];
  default?: JsonValue;
}

interface GoPackage {
  /** Definition name prefix, e.g. io.k8s.api.core.v1 */
  prefix: string;
  /** Import path, e.g. k8s.io/api/core/v1 */
  importPath: string;
  enums: Map<string, Set<string>>;
  consts: Map<string, string>;
  structs: { name: string; fields: GoField[]; inline: string[] }[];
  /** import alias → import path, per file (merged; aliases are consistent in these packages). */
  imports: Map<string, string>;
}

interface GoField {
  jsonName: string;
  goType: string;
  comments: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go') && !f.startsWith('zz_generated') && !f.startsWith('generated.') && !f.includes('swagger_doc'))
    .map((f) => join(dir, f));
}

const typeDecl = /^type\s+(\w+)\s+(\w+)\s*$/;
const typedConst = /^\s*(?:const\s+)?(\w+)\s+(\w+)\s*=\s*("(?:[^"\\]|\\.)*")/;
const structStart = /^type\s+(\w+)\s+struct\s*\{\s*$/;
const memberLine = /^\s*(\w+)\s+([^\s`]+)\s+`[^`]*json:"([^"]*)"/;
const inlineLine = /^\s*\*?(\w+)\s+`[^`]*json:",inline"/;
const importLine = /^\s*(?:import\s+)?(\w+)?\s*"([^"]+)"\s*$/;

function parsePackage(dir: string, importPath: string, prefix: string): GoPackage {
  const pkg: GoPackage = { prefix, importPath, enums: new Map(), consts: new Map(), structs: [], imports: new Map() };
  const constTypes = new Map<string, { type: string; value: string }>();
  for (const file of sourceFiles(dir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    let comments: string[] = [];
    let inImports = false;
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n];
      const trimmed = line.trim();
      if (trimmed.startsWith('import (')) { inImports = true; continue; }
      if (inImports) {
        if (trimmed === ')') { inImports = false; continue; }
        const m = importLine.exec(line);
        if (m) pkg.imports.set(m[1] ?? m[2].split('/').pop()!, m[2]);
        continue;
      }
      if (trimmed.startsWith('import "') || /^import \w+ "/.test(trimmed)) {
        const m = importLine.exec(line);
        if (m) pkg.imports.set(m[1] ?? m[2].split('/').pop()!, m[2]);
        continue;
      }
      if (trimmed.startsWith('//')) { comments.push(trimmed); continue; }
      const td = typeDecl.exec(line);
      if (td && comments.some((c) => /^\/\/\s*\+enum\s*$/.test(c))) pkg.enums.set(td[1], new Set());
      const sd = structStart.exec(line);
      if (sd) {
        const fields: GoField[] = [];
        const inline: string[] = [];
        let memberComments: string[] = [];
        for (n++; n < lines.length && !lines[n].startsWith('}'); n++) {
          const l = lines[n].trim();
          if (l.startsWith('//')) { memberComments.push(l); continue; }
          const il = inlineLine.exec(lines[n]);
          if (il) inline.push(il[1]);
          const mm = memberLine.exec(lines[n]);
          if (mm) {
            const jsonName = mm[3].split(',')[0];
            if (jsonName && jsonName !== '-') fields.push({ jsonName, goType: mm[2], comments: memberComments });
          }
          memberComments = [];
        }
        pkg.structs.push({ name: sd[1], fields, inline });
      }
      const c = typedConst.exec(line);
      if (c) constTypes.set(c[1], { type: c[2], value: JSON.parse(c[3]) as string });
      comments = [];
    }
  }
  for (const [name, { type, value }] of constTypes) {
    pkg.consts.set(name, value);
    pkg.enums.get(type)?.add(value);
  }
  return pkg;
}

/** The base type name of a Go type expression: `*[]v1.Foo` → ["v1", "Foo"], `map[string]Bar` → ["", "Bar"]. */
function baseType(goType: string): { qualifier: string; name: string; shape: 'scalar' | 'elem' } {
  let t = goType.replace(/^\*/, '');
  let shape: 'scalar' | 'elem' = 'scalar';
  if (t.startsWith('[]')) { t = t.slice(2); shape = 'elem'; } else if (t.startsWith('map[')) { t = t.slice(t.indexOf(']') + 1); shape = 'elem'; }
  t = t.replace(/^\*/, '');
  const dot = t.indexOf('.');
  return dot < 0 ? { qualifier: '', name: t, shape } : { qualifier: t.slice(0, dot), name: t.slice(dot + 1), shape };
}

function parseDefault(raw: string, pkg: GoPackage): JsonValue | undefined {
  const ref = /^ref\((\w+)\)$/.exec(raw);
  if (ref) return pkg.consts.get(ref[1]);
  try {
    return JSON.parse(raw) as JsonValue;
  } catch {
    return undefined;
  }
}

export interface GoSource {
  dir: string;
  importPath: string;
  prefix: string;
}

/** Collects enum and default facts for every struct field of the given packages. */
export function readGoFacts(sources: GoSource[]): GoFacts {
  const pkgs = sources.map((s) => parsePackage(s.dir, s.importPath, s.prefix));
  const byImport = new Map(pkgs.map((p) => [p.importPath, p]));
  const facts: GoFacts = new Map();
  for (const pkg of pkgs) {
    const byName = new Map(pkg.structs.map((s) => [s.name, s]));
    // Fields of a struct, with those of same-package structs embedded inline (EphemeralContainerCommon).
    const allFields = (name: string): GoField[] => {
      const st = byName.get(name);
      return st ? [...st.fields, ...st.inline.flatMap(allFields)] : [];
    };
    for (const st of pkg.structs) {
      const perField = new Map<string, FieldFacts>();
      for (const f of allFields(st.name)) {
        const b = baseType(f.goType);
        const owner = b.qualifier ? byImport.get(pkg.imports.get(b.qualifier) ?? '') : pkg;
        const values = owner?.enums.get(b.name);
        const ff: FieldFacts = {};
        if (values) {
          const sorted = [...values].sort();
          if (b.shape === 'scalar') ff.enum = sorted; else ff.elemEnum = sorted;
        }
        for (const c of f.comments) {
          const m = /^\/\/\s*\+default=(.+)$/.exec(c);
          if (m) {
            const d = parseDefault(m[1].trim(), pkg);
            if (d !== undefined) ff.default = d;
          }
        }
        if (ff.enum || ff.elemEnum || ff.default !== undefined) perField.set(f.jsonName, ff);
      }
      if (perField.size) facts.set(`${pkg.prefix}.${st.name}`, perField);
    }
  }
  return facts;
}
