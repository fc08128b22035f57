// Generates src/api/protobuf/schema.json from Kubernetes' generated.proto files plus the Go types' json tags.
//
// Usage: node scripts/gen-protobuf-schema.ts --api REPO --apimachinery REPO [--tag v0.32.9] [--out FILE]
// REPO are git directories of k8s.io/api and k8s.io/apimachinery (bare mirrors are fine; files are read with
// `git show TAG:PATH`). The .proto files give message structure and field numbers; the Go structs of the same
// names give what encoding/json needs and the proto lacks: JSON names, omitempty, pointers, inline embedding,
// field order. register.go gives each group version's name and registered kinds.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseProto, resolveType, isScalarType, type ProtoMessage } from '../src/api/protobuf/proto-parser.ts';
import { parseGoTypes, type GoField, type GoTypes } from '../src/api/protobuf/go-struct-parser.ts';
import { fieldFlags, type FieldSpec, type ProtobufSchema } from '../src/api/protobuf/schema-types.ts';

const { values: args } = parseArgs({
  options: {
    api: { type: 'string' },
    apimachinery: { type: 'string' },
    tag: { type: 'string', default: 'v0.32.9' },
    out: { type: 'string', default: new URL('../src/api/protobuf/schema.json', import.meta.url).pathname },
  },
});
if (!args.api || !args.apimachinery) {
  console.error('usage: node scripts/gen-protobuf-schema.ts --api REPO --apimachinery REPO [--tag v0.32.9] [--out FILE]');
  process.exit(2);
}
const tag = args.tag!;

/** The group versions Kubernetes 1.32 serves as stable APIs (k8s.io/api directories). */
const apiDirs = [
  'core/v1', 'apps/v1', 'batch/v1', 'autoscaling/v1', 'autoscaling/v2', 'networking/v1', 'discovery/v1',
  'coordination/v1', 'rbac/v1', 'storage/v1', 'policy/v1', 'scheduling/v1', 'events/v1', 'authentication/v1',
  'authorization/v1', 'admissionregistration/v1', 'certificates/v1', 'node/v1', 'flowcontrol/v1',
];
const machineryDirs = [
  'pkg/apis/meta/v1', 'pkg/runtime', 'pkg/runtime/schema', 'pkg/api/resource', 'pkg/util/intstr',
];
/** Messages whose JSON form the decoder writes by hand (custom MarshalJSON in Go); their fields need no Go match. */
const customJson = new Set([
  'k8s.io.apimachinery.pkg.apis.meta.v1.Time', 'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime',
  'k8s.io.apimachinery.pkg.apis.meta.v1.Timestamp', 'k8s.io.apimachinery.pkg.apis.meta.v1.Duration',
  'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1', 'k8s.io.apimachinery.pkg.apis.meta.v1.GroupVersion',
  'k8s.io.apimachinery.pkg.api.resource.Quantity', 'k8s.io.apimachinery.pkg.api.resource.QuantityValue',
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString', 'k8s.io.apimachinery.pkg.runtime.RawExtension',
  'k8s.io.apimachinery.pkg.runtime.Unknown',
]);
const metaPackage = 'k8s.io.apimachinery.pkg.apis.meta.v1';

function git(repo: string, ...a: string[]): string {
  return execFileSync('git', ['-C', repo, ...a], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

interface Pkg { repo: string; dir: string; protoPackage: string; messages: ProtoMessage[]; go: GoTypes }

function loadPackage(repo: string, dir: string): Pkg {
  const proto = parseProto(git(repo, 'show', `${tag}:${dir}/generated.proto`));
  const files = git(repo, 'ls-tree', '--name-only', `${tag}:${dir}`).split('\n')
    .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go') && f !== 'generated.pb.go'
      && !f.startsWith('zz_generated') && !f.includes('swagger_doc'));
  const go = parseGoTypes(files.map((f) => git(repo, 'show', `${tag}:${dir}/${f}`)));
  return { repo, dir, protoPackage: proto.package, messages: proto.messages, go };
}

const pkgs = [
  ...apiDirs.map((d) => loadPackage(args.api!, d)),
  ...machineryDirs.map((d) => loadPackage(args.apimachinery!, d)),
];
const known = new Set(pkgs.flatMap((p) => p.messages.map((m) => m.fullName)));
const warnings: string[] = [];
const notes: string[] = [];

function localName(fullName: string, pkg: string): string {
  return fullName.slice(pkg.length + 1);
}

/** `type List metav1.List`: the struct of the aliased meta type. */
function aliasedStruct(goType: string | undefined): GoField[] | undefined {
  const m = goType ? /^metav1\.(\w+)$/.exec(goType) : null;
  return m ? pkgs.find((p) => p.protoPackage === metaPackage)!.go.structs.get(m[1]) : undefined;
}

function buildFields(pkg: Pkg, msg: ProtoMessage): FieldSpec[] {
  const name = localName(msg.fullName, pkg.protoPackage);
  const resolved = msg.fields.map((f) => ({ f, type: resolveType(f.type, msg.fullName, known) }));
  const byNumber = new Map(resolved.map((r) => [r.f.number, r]));
  const goFields = customJson.has(msg.fullName) ? undefined : pkg.go.structs.get(name) ?? aliasedStruct(pkg.go.named.get(name));
  const out: FieldSpec[] = [];
  const spec = (r: (typeof resolved)[number], json: string, flags: number): FieldSpec => {
    if (r.f.mapKey !== undefined) return [r.f.number, json, r.type, flags | fieldFlags.map, r.f.mapKey];
    return [r.f.number, json, r.type, flags | (r.f.label === 'repeated' ? fieldFlags.repeated : 0)];
  };
  if (!goFields) {
    if (!customJson.has(msg.fullName) && !listElement(pkg, msg)) warnings.push(`${msg.fullName}: no Go struct; using proto names`);
    // custom JSON types keep their proto names: the decoder reads them by number and writes the JSON itself
    return resolved.map((r) => spec(r, r.f.name, customJson.has(msg.fullName) ? 0 : fieldFlags.omitempty));
  }
  for (const g of goFields) {
    if (g.protoNumber === undefined) {
      if (!customJson.has(msg.fullName) && !g.inline && !g.omitempty && g.json !== '-') warnings.push(`${msg.fullName}.${g.name}: Go field without protobuf tag`);
      continue;
    }
    const r = byNumber.get(g.protoNumber);
    if (!r) { warnings.push(`${msg.fullName}.${g.name}: protobuf ${g.protoNumber} not in .proto`); continue; }
    byNumber.delete(g.protoNumber);
    if (g.json === '-' && !customJson.has(msg.fullName)) continue;
    let flags = 0;
    if (g.omitempty) flags |= fieldFlags.omitempty;
    if (g.goType.startsWith('*')) flags |= fieldFlags.pointer;
    if (g.inline) flags |= fieldFlags.inline;
    if (g.json !== '' && g.json !== r.f.name && !g.inline && !customJson.has(msg.fullName)) {
      notes.push(`${msg.fullName}: proto field ${r.f.name} is JSON ${g.json} (Go tag)`);
    }
    out.push(spec(r, g.inline ? '' : g.json, flags));
  }
  for (const r of byNumber.values()) {
    if (!customJson.has(msg.fullName)) warnings.push(`${msg.fullName}.${r.f.name}: no Go field; using proto name`);
    out.push(spec(r, r.f.name, fieldFlags.omitempty));
  }
  return out;
}

/** `type Verbs []string` with `message Verbs { repeated string items = 1; }`: JSON is the bare array. */
function listElement(pkg: Pkg, msg: ProtoMessage): string | undefined {
  const goType = pkg.go.named.get(localName(msg.fullName, pkg.protoPackage));
  const f = msg.fields[0];
  if (!goType?.startsWith('[]') || msg.fields.length !== 1 || f.label !== 'repeated' || f.number !== 1) return undefined;
  return resolveType(f.type, msg.fullName, known);
}

/** `&Kind{}` / `&metav1.Kind{}` literals in a block of Go source. */
function kindLiterals(src: string, pkg: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of src.matchAll(/&(?:(\w+)\.)?(\w+)\{\}/g)) {
    out[m[2]] = `${m[1] === 'metav1' ? metaPackage : pkg}.${m[2]}`;
  }
  return out;
}

function goBlock(src: string, start: string): string {
  const i = src.indexOf(start);
  if (i < 0) throw new Error(`${start} not found`);
  const end = src.indexOf('\n}', i);
  return src.slice(i, end < 0 ? undefined : end);
}

function groupVersionKinds(): Pick<ProtobufSchema, 'kinds' | 'everyGroupVersion'> {
  const metaRegister = git(args.apimachinery!, 'show', `${tag}:pkg/apis/meta/v1/register.go`);
  const optionKinds = kindLiterals(goBlock(metaRegister, 'var optionsTypes'), metaPackage);
  const unversioned = kindLiterals(goBlock(metaRegister, 'scheme.AddUnversionedTypes(Unversioned'), metaPackage);
  const kinds: ProtobufSchema['kinds'] = {
    'meta.k8s.io/v1': { ...optionKinds, ...kindLiterals(goBlock(metaRegister, 'func AddMetaToScheme'), metaPackage) },
  };
  for (const dir of apiDirs) {
    const pkg = pkgs.find((p) => p.dir === dir)!;
    const reg = git(args.api!, 'show', `${tag}:${dir}/register.go`);
    const group = /const GroupName = "([^"]*)"/.exec(reg)?.[1];
    const version = /SchemeGroupVersion = schema\.GroupVersion\{Group: GroupName, Version: "([^"]+)"\}/.exec(reg)?.[1];
    if (group === undefined || !version) throw new Error(`${dir}/register.go: no group version`);
    if (!reg.includes('metav1.AddToGroupVersion(')) throw new Error(`${dir}/register.go: no metav1.AddToGroupVersion`);
    const gv = group ? `${group}/${version}` : version;
    const own = kindLiterals(goBlock(reg, 'func addKnownTypes'), pkg.protoPackage);
    kinds[gv] = gv === 'v1' ? { ...unversioned, ...own } : own;
    for (const [kind, msg] of Object.entries(kinds[gv])) {
      if (!known.has(msg)) { warnings.push(`${gv} ${kind}: no message ${msg}`); delete kinds[gv][kind]; }
    }
  }
  // metav1.AddToGroupVersion: the options types and WatchEvent in every group version
  return { kinds, everyGroupVersion: { ...optionKinds, WatchEvent: `${metaPackage}.WatchEvent` } };
}

const schema: ProtobufSchema = {
  source: `k8s.io/api and k8s.io/apimachinery ${tag} (generated.proto, types, register.go) by scripts/gen-protobuf-schema.ts`,
  messages: {},
  lists: {},
  ...groupVersionKinds(),
};
for (const pkg of pkgs) {
  for (const msg of pkg.messages) {
    const elem = listElement(pkg, msg);
    if (elem) schema.lists[msg.fullName] = elem;
    schema.messages[msg.fullName] = buildFields(pkg, msg);
    for (const f of msg.fields) {
      if (f.mapKey !== undefined && !isScalarType(f.mapKey)) warnings.push(`${msg.fullName}.${f.name}: map key ${f.mapKey}`);
    }
  }
}

function render(s: ProtobufSchema): string {
  const section = (o: Record<string, unknown>) =>
    `{\n${Object.entries(o).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}`;
  return `{\n"source": ${JSON.stringify(s.source)},\n"messages": ${section(s.messages)},\n`
    + `"lists": ${section(s.lists)},\n"kinds": ${section(s.kinds)},\n`
    + `"everyGroupVersion": ${JSON.stringify(s.everyGroupVersion)}\n}\n`;
}

writeFileSync(args.out!, render(schema));
for (const n of notes) process.stderr.write(`note: ${n}\n`);
for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
process.stderr.write(`wrote ${args.out}: ${Object.keys(schema.messages).length} messages, `
  + `${Object.keys(schema.kinds).length} group versions\n`);
