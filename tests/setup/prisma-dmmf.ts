// Reads prisma/schema.prisma the way Prisma does, offline: the CLI's own schema wasm
// (prisma/build/prisma_schema_build_bg.wasm, the `get_dmmf` behind `prisma generate`), driven by
// a minimal wasm-bindgen glue. Reading the source file, not the generated client, means a field
// added to the schema fails the drift test even before `prisma generate`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};

export type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
};

export type DmmfEnum = { name: string; dbName?: string | null; values: { name: string; dbName: string | null }[] };

export type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  isDefinedOnField: boolean;
  dbName?: string | null;
  fields: { name: string }[];
};

export type Datamodel = { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };

type SchemaWasm = {
  memory: WebAssembly.Memory;
  __wbindgen_externrefs: WebAssembly.Table;
  __wbindgen_start(): void;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(ptr: number, size: number, align: number): void;
  get_dmmf(ptr: number, len: number): [number, number, number, number];
};

let wasm: SchemaWasm | undefined;

function loadSchemaWasm(): SchemaWasm {
  if (wasm) return wasm;
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "prisma_schema_build_bg.wasm");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  // The imports are called from inside the instance (first by __wbindgen_start), so they reach its exports here.
  const late: { exports?: SchemaWasm } = {};
  const exportsOf = () => {
    if (!late.exports) throw new Error("prisma schema wasm used before instantiation");
    return late.exports;
  };
  const text = (ptr: number, len: number) => decoder.decode(new Uint8Array(exportsOf().memory.buffer, ptr, len));
  // The four imports the module declares (see WebAssembly.Module.imports); names pin the Prisma version.
  const imports = {
    __wbindgen_placeholder__: {
      __wbg_set_message_f22ac4a6869ee695: () => undefined,
      __wbg_Error_e83987f665cf5504: (ptr: number, len: number) => new Error(text(ptr, len)),
      __wbg___wbindgen_throw_b855445ff6a94295: (ptr: number, len: number) => {
        throw new Error(text(ptr, len));
      },
      __wbindgen_init_externref_table: () => {
        const table = exportsOf().__wbindgen_externrefs;
        const offset = table.grow(4);
        table.set(0, undefined);
        table.set(offset, undefined);
        table.set(offset + 1, null);
        table.set(offset + 2, true);
        table.set(offset + 3, false);
      },
    },
  };
  const compiled = new WebAssembly.Module(readFileSync(file));
  late.exports = new WebAssembly.Instance(compiled, imports).exports as unknown as SchemaWasm;
  late.exports.__wbindgen_start();
  wasm = late.exports;
  return wasm;
}

export function getDatamodel(schema: string): Datamodel {
  const engine = loadSchemaWasm();
  const input = new TextEncoder().encode(JSON.stringify({ prismaSchema: schema, noColor: true }));
  const ptr = engine.__wbindgen_malloc(input.length, 1);
  new Uint8Array(engine.memory.buffer, ptr, input.length).set(input);
  const [outPtr, outLen, errorRef, failed] = engine.get_dmmf(ptr, input.length);
  if (failed) {
    const error = engine.__wbindgen_externrefs.get(errorRef) as unknown;
    throw error instanceof Error ? error : new Error(String(error));
  }
  const json = new TextDecoder().decode(new Uint8Array(engine.memory.buffer, outPtr, outLen));
  engine.__wbindgen_free(outPtr, outLen, 1);
  return (JSON.parse(json) as { datamodel: Datamodel }).datamodel;
}

/** `map: "<name>", where: raw("<predicate>")` pairs: the DMMF does not carry partial-index predicates. */
export function partialIndexPredicates(schema: string): Map<string, string> {
  const predicates = new Map<string, string>();
  const pattern = /map:\s*"([^"]+)"\s*,\s*where:\s*raw\(\s*"((?:[^"\\]|\\.)*)"\s*\)/g;
  for (const match of schema.matchAll(pattern)) {
    predicates.set(match[1] ?? "", JSON.parse(`"${match[2] ?? ""}"`) as string);
  }
  return predicates;
}

/** How many `where:` clauses the schema holds, to catch one the pattern above cannot pair with a name. */
export function countWhereClauses(schema: string): number {
  return [...schema.matchAll(/\bwhere:\s*raw\(/g)].length;
}
