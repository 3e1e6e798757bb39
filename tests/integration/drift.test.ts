// The hand-written migrations must build exactly the database prisma/schema.prisma describes:
// a field, index, enum value or relation added to the schema without its SQL fails here.
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createThrowawayDatabase, type ThrowawayDatabase } from "@/tests/setup/db";
import {
  countWhereClauses,
  getDatamodel,
  partialIndexPredicates,
  type Datamodel,
  type DmmfField,
  type DmmfModel,
} from "@/tests/setup/prisma-dmmf";

const schemaText = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");

type ColumnRow = { table: string; column: string; type: string; not_null: boolean; default: string | null };
type IndexRow = { table: string; name: string; unique: boolean; primary: boolean; columns: string[]; predicate: string | null };
type ForeignKeyRow = {
  table: string;
  name: string;
  columns: string[];
  referenced_table: string;
  referenced_columns: string[];
  on_delete: string;
  on_update: string;
};

const INTROSPECT = {
  tables: `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`,
  columns: `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
              AND a.attnum > 0 AND NOT a.attisdropped`,
  enums: `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = current_schema() GROUP BY t.typname`,
  indexes: `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
                   array(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
                   pg_get_expr(ix.indpred, ix.indrelid) AS predicate
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'`,
  foreignKeys: `SELECT t.relname AS table, con.conname AS name, rt.relname AS referenced_table,
                       array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
                       array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns,
                       con.confdeltype AS on_delete, con.confupdtype AS on_update
                FROM pg_constraint con
                JOIN pg_class t ON t.oid = con.conrelid
                JOIN pg_class rt ON rt.oid = con.confrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE con.contype = 'f' AND n.nspname = current_schema()`,
};

// pg_constraint.confdeltype / confupdtype codes.
const REFERENTIAL_ACTION: Record<string, string> = {
  Cascade: "c",
  Restrict: "r",
  SetNull: "n",
  SetDefault: "d",
  NoAction: "a",
};

// Field-level defaults Prisma computes in the client, which therefore have no SQL DEFAULT.
const CLIENT_SIDE_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

const tableName = (model: DmmfModel) => model.dbName ?? model.name;
const columnName = (field: DmmfField) => field.dbName ?? field.name;
const scalarFields = (model: DmmfModel) => model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
// PostgreSQL truncates identifiers to 63 bytes, as Prisma's generated names are.
const pgName = (name: string) => name.slice(0, 63);
// format_type() quotes identifiers that are not plain lower-case names.
const pgIdent = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name}"`);

function expectedType(field: DmmfField, datamodel: Datamodel): string {
  let base: string | undefined;
  if (field.kind === "enum") {
    const enm = datamodel.enums.find((e) => e.name === field.type);
    base = pgIdent(enm?.dbName ?? field.type);
  } else if (field.nativeType) {
    const [native, args] = field.nativeType;
    const nativeTypes: Record<string, string> = {
      Char: `character(${args[0]})`,
      VarChar: `character varying(${args[0]})`,
      Text: "text",
      Citext: "citext",
      Uuid: "uuid",
      Timestamptz: `timestamp(${args[0] ?? 6}) with time zone`,
      Timestamp: `timestamp(${args[0] ?? 6}) without time zone`,
      Date: "date",
      Time: `time(${args[0] ?? 6}) without time zone`,
      SmallInt: "smallint",
      Integer: "integer",
      BigInt: "bigint",
      Decimal: `numeric(${args.join(",")})`,
      DoublePrecision: "double precision",
      Real: "real",
      Boolean: "boolean",
      JsonB: "jsonb",
      Json: "json",
      ByteA: "bytea",
    };
    base = nativeTypes[native];
  } else {
    const scalarTypes: Record<string, string> = {
      String: "text",
      Int: "integer",
      BigInt: "bigint",
      Boolean: "boolean",
      DateTime: "timestamp(3) without time zone",
      Json: "jsonb",
      Float: "double precision",
      Decimal: "numeric(65,30)",
      Bytes: "bytea",
    };
    base = scalarTypes[field.type];
  }
  if (!base) return `<unmapped ${field.type}${field.nativeType ? ` @db.${field.nativeType[0]}` : ""}: teach the drift test>`;
  return field.isList ? `${base}[]` : base;
}

// What the SQL default must read as, or null for none; "*" = present, value not compared.
function expectedDefault(field: DmmfField): string | null {
  if (!field.hasDefaultValue || field.default === undefined) return null;
  const value = field.default;
  if (Array.isArray(value)) return "*";
  if (value !== null && typeof value === "object") {
    const fn = (value as { name?: string }).name ?? "";
    if (CLIENT_SIDE_DEFAULTS.has(fn)) return null;
    if (fn === "now") return "CURRENT_TIMESTAMP";
    if (fn === "autoincrement") return "nextval";
    return "*";
  }
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  return String(value);
}

function normaliseDefault(actual: string): string {
  if (actual.startsWith("nextval(")) return "nextval";
  // '0'::integer, 'FR'::bpchar, 'COMPANY'::"ProspectKind" → the literal alone.
  return actual.replace(/::[\w" ]+(\[\])?$/, "");
}

// pg_get_expr() adds parentheses and drops quotes the schema's raw() SQL may carry.
function normalisePredicate(sql: string): string {
  return sql.replace(/[()"\s]/g, "").toLowerCase();
}

describe("drift: migrations vs prisma/schema.prisma", () => {
  const datamodel = getDatamodel(schemaText);
  let database: ThrowawayDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createThrowawayDatabase({ migrate: true });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it("reads the schema's models (guards against an empty comparison)", () => {
    expect(datamodel.models.length).toBeGreaterThan(10);
    expect(datamodel.enums.length).toBeGreaterThan(5);
  });

  it("has one table per model, and no other", async () => {
    const actual = (await client.query<{ name: string }>(INTROSPECT.tables)).rows.map((r) => r.name).sort();
    const expected = datamodel.models.map(tableName).sort();
    expect(actual).toEqual(expected);
  });

  it("has every scalar field as a column with its type, nullability and default", async () => {
    const rows = (await client.query<ColumnRow>(INTROSPECT.columns)).rows;
    const problems: string[] = [];
    for (const model of datamodel.models) {
      const table = tableName(model);
      const columns = new Map(rows.filter((r) => r.table === table).map((r) => [r.column, r]));
      for (const field of scalarFields(model)) {
        const where = `${table}.${columnName(field)}`;
        const column = columns.get(columnName(field));
        columns.delete(columnName(field));
        if (!column) {
          problems.push(`${where}: column missing`);
          continue;
        }
        const type = expectedType(field, datamodel);
        if (column.type !== type) problems.push(`${where}: type ${column.type}, schema says ${type}`);
        const notNull = field.isRequired && !field.isList;
        if (column.not_null !== notNull) problems.push(`${where}: ${column.not_null ? "NOT NULL" : "nullable"}, schema says ${notNull ? "NOT NULL" : "nullable"}`);
        const wanted = expectedDefault(field);
        const actual = column.default === null ? null : normaliseDefault(column.default);
        if (wanted === null && actual !== null) problems.push(`${where}: unexpected DEFAULT ${column.default}`);
        if (wanted !== null && actual === null) problems.push(`${where}: DEFAULT missing (schema: ${wanted})`);
        if (wanted !== null && wanted !== "*" && actual !== null && actual !== wanted) {
          problems.push(`${where}: DEFAULT ${column.default}, schema says ${wanted}`);
        }
      }
      for (const extra of columns.keys()) problems.push(`${table}.${extra}: column not in the schema`);
    }
    expect(problems).toEqual([]);
  });

  it("has every enum with the schema's values in the schema's order", async () => {
    const rows = (await client.query<{ name: string; values: string[] }>(INTROSPECT.enums)).rows;
    const actual = Object.fromEntries(rows.map((r) => [r.name, r.values]));
    const expected = Object.fromEntries(
      datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]),
    );
    expect(actual).toEqual(expected);
  });

  it("has every @id, @unique, @@unique and @@index as an index, partial ones with their predicate", async () => {
    const rows = (await client.query<IndexRow>(INTROSPECT.indexes)).rows;
    const predicates = partialIndexPredicates(schemaText);
    const problems: string[] = [];
    if (predicates.size !== countWhereClauses(schemaText)) {
      problems.push("schema.prisma: every partial index needs `map: \"…\", where: raw(\"…\")` in that order");
    }
    const actual = new Map(rows.map((r) => [`${r.table}.${r.name}`, r]));
    for (const index of datamodel.indexes) {
      const model = datamodel.models.find((m) => m.name === index.model);
      if (!model) continue;
      const table = tableName(model);
      const columns = index.fields.map((f) => {
        const field = model.fields.find((mf) => mf.name === f.name);
        return field ? columnName(field) : f.name;
      });
      const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
      const name = pgName(index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`));
      const row = actual.get(`${table}.${name}`);
      actual.delete(`${table}.${name}`);
      if (!row) {
        problems.push(`${table}: index ${name} (${columns.join(", ")}) missing`);
        continue;
      }
      if (row.columns.join(",") !== columns.join(",")) problems.push(`${name}: columns (${row.columns.join(", ")}), schema says (${columns.join(", ")})`);
      if (row.primary !== (index.type === "id")) problems.push(`${name}: primary key mismatch`);
      if (row.unique !== (index.type !== "normal")) problems.push(`${name}: ${row.unique ? "unique" : "not unique"}, schema says ${index.type}`);
      const predicate = index.dbName ? predicates.get(index.dbName) : undefined;
      if (predicate === undefined && row.predicate !== null) problems.push(`${name}: unexpected WHERE ${row.predicate}`);
      if (predicate !== undefined && row.predicate === null) problems.push(`${name}: WHERE ${predicate} missing`);
      if (predicate !== undefined && row.predicate !== null && normalisePredicate(predicate) !== normalisePredicate(row.predicate)) {
        problems.push(`${name}: WHERE ${row.predicate}, schema says ${predicate}`);
      }
    }
    for (const extra of actual.keys()) problems.push(`${extra}: index not in the schema`);
    expect(problems).toEqual([]);
  });

  it("has every relation as a foreign key with the schema's referential actions", async () => {
    const rows = (await client.query<ForeignKeyRow>(INTROSPECT.foreignKeys)).rows;
    const actual = new Map(rows.map((r) => [`${r.table}.${r.name}`, r]));
    const problems: string[] = [];
    for (const model of datamodel.models) {
      const table = tableName(model);
      for (const relation of model.fields.filter((f) => f.kind === "object" && f.relationFromFields?.length)) {
        const target = datamodel.models.find((m) => m.name === relation.type);
        if (!target) continue;
        const columns = (relation.relationFromFields ?? []).map((name) => {
          const field = model.fields.find((f) => f.name === name);
          return field ? columnName(field) : name;
        });
        const referenced = (relation.relationToFields ?? []).map((name) => {
          const field = target.fields.find((f) => f.name === name);
          return field ? columnName(field) : name;
        });
        const name = pgName(`${table}_${columns.join("_")}_fkey`);
        const row = actual.get(`${table}.${name}`);
        actual.delete(`${table}.${name}`);
        if (!row) {
          problems.push(`${table}: foreign key ${name} → ${tableName(target)} missing`);
          continue;
        }
        if (row.columns.join(",") !== columns.join(",")) problems.push(`${name}: columns (${row.columns.join(", ")})`);
        if (row.referenced_table !== tableName(target) || row.referenced_columns.join(",") !== referenced.join(",")) {
          problems.push(`${name}: references ${row.referenced_table}(${row.referenced_columns.join(", ")}), schema says ${tableName(target)}(${referenced.join(", ")})`);
        }
        const onDelete = relation.relationOnDelete ?? (relation.isRequired ? "Restrict" : "SetNull");
        const onUpdate = relation.relationOnUpdate ?? "Cascade";
        if (row.on_delete !== REFERENTIAL_ACTION[onDelete]) problems.push(`${name}: ON DELETE code '${row.on_delete}', schema says ${onDelete}`);
        if (row.on_update !== REFERENTIAL_ACTION[onUpdate]) problems.push(`${name}: ON UPDATE code '${row.on_update}', schema says ${onUpdate}`);
      }
    }
    for (const extra of actual.keys()) problems.push(`${extra}: foreign key not in the schema`);
    expect(problems).toEqual([]);
  });
});
