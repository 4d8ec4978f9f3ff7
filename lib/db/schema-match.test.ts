import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/db";
import { withClient } from "@/lib/test-support/databases";

/**
 * The migrations are hand-written SQL; this proves the database they produce is
 * the one schema.prisma describes: every model, field, type, nullability,
 * default, unique, index, enum and foreign key.
 */

interface DmmfField {
  name: string;
  dbName: string | null;
  kind: "scalar" | "enum" | "object";
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: { name?: string } | unknown;
  type: string;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  isUpdatedAt: boolean;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}

const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readFileSync("prisma/schema.prisma", "utf8") })))
  .datamodel as {
  models: DmmfModel[];
  enums: { name: string; values: { name: string }[] }[];
  indexes: DmmfIndex[];
};

const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const columnOf = (model: DmmfModel, fieldName: string) => {
  const f = model.fields.find((x) => x.name === fieldName)!;
  return f.dbName ?? f.name;
};

function expectedType(f: DmmfField): string {
  if (f.kind === "enum") return f.type;
  const native = f.nativeType?.[0];
  if (native === "Uuid") return "uuid";
  if (native === "Timestamptz") return `timestamptz(${f.nativeType?.[1][0] ?? 6})`;
  if (native === "Timestamp") return `timestamp(${f.nativeType?.[1][0] ?? 6})`;
  if (native === "VarChar") return `varchar(${f.nativeType?.[1][0]})`;
  const base: Record<string, string> = {
    String: "text",
    Int: "int4",
    BigInt: "int8",
    Boolean: "bool",
    DateTime: "timestamp(3)",
    Json: "jsonb",
    Bytes: "bytea",
    Float: "float8",
  };
  return f.isList ? `_${base[f.type]}` : base[f.type]!;
}

function actualType(row: {
  udt_name: string;
  datetime_precision: number | null;
  character_maximum_length: number | null;
}): string {
  if (row.udt_name === "timestamptz" || row.udt_name === "timestamp")
    return `${row.udt_name}(${row.datetime_precision})`;
  if (row.udt_name === "varchar") return `varchar(${row.character_maximum_length})`;
  return row.udt_name;
}

// Defaults Prisma fills in itself (never in the database).
const clientSideDefault = (f: DmmfField) =>
  f.isUpdatedAt ||
  ["uuid", "cuid", "nanoid", "ulid"].includes((f.default as { name?: string } | undefined)?.name ?? "");

describe("the migrated database matches schema.prisma", async () => {
  const snapshot = await withClient(databaseUrl(), async (c) => ({
    columns: (
      await c.query(`SELECT table_name, column_name, is_nullable, udt_name, datetime_precision, character_maximum_length, column_default
                       FROM information_schema.columns WHERE table_schema = 'public'`)
    ).rows,
    indexes: (
      await c.query(`SELECT t.relname AS table, i.relname AS index, ix.indisunique AS unique, ix.indisprimary AS primary,
                            ix.indpred IS NOT NULL AS partial, array_agg(a.attname::text ORDER BY k.ord) AS columns
                       FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
                       JOIN pg_namespace n ON n.oid = t.relnamespace
                       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                      WHERE n.nspname = 'public' GROUP BY 1, 2, 3, 4, 5`)
    ).rows as {
      table: string;
      index: string;
      unique: boolean;
      primary: boolean;
      partial: boolean;
      columns: string[];
    }[],
    enums: (
      await c.query(`SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
                       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY 1`)
    ).rows as { name: string; values: string[] }[],
    foreignKeys: (
      await c.query(`SELECT tc.table_name, kcu.column_name, ccu.table_name AS ref_table, ccu.column_name AS ref_column
                       FROM information_schema.table_constraints tc
                       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
                       JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
                      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`)
    ).rows,
  }));

  const tables = new Set(snapshot.columns.map((c) => c.table_name));

  it("has exactly the schema's tables (plus Prisma's migration history)", () => {
    expect([...tables].sort()).toEqual([...dmmf.models.map(tableOf), "_prisma_migrations"].sort());
  });

  for (const model of dmmf.models) {
    it(`${model.name}: columns, types, nullability and defaults`, () => {
      const actual = snapshot.columns.filter((c) => c.table_name === tableOf(model));
      const scalars = model.fields.filter((f) => f.kind !== "object");
      expect(actual.map((c) => c.column_name).sort()).toEqual(scalars.map((f) => f.dbName ?? f.name).sort());
      for (const field of scalars) {
        const column = actual.find((c) => c.column_name === (field.dbName ?? field.name))!;
        expect({ field: field.name, type: actualType(column), nullable: column.is_nullable === "YES" }).toEqual({
          field: field.name,
          type: expectedType(field),
          nullable: !field.isRequired,
        });
        const dbDefault = field.hasDefaultValue && !clientSideDefault(field);
        expect({ field: field.name, hasDefault: column.column_default !== null }).toEqual({
          field: field.name,
          hasDefault: dbDefault,
        });
      }
    });
  }

  it("has every id, unique and index of the schema, and no others", () => {
    const expected = dmmf.indexes.map((ix) => {
      const model = dmmf.models.find((m) => m.name === ix.model)!;
      return `${tableOf(model)}(${ix.fields.map((f) => columnOf(model, f.name)).join(",")}) ${ix.type === "normal" ? "index" : ix.type === "id" ? "primary" : "unique"}`;
    });
    const actual = snapshot.indexes
      .filter((ix) => ix.table !== "_prisma_migrations" && !ix.partial)
      .map((ix) => `${ix.table}(${ix.columns.join(",")}) ${ix.primary ? "primary" : ix.unique ? "unique" : "index"}`);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it("has the schema's enums with the same values in the same order", () => {
    for (const e of dmmf.enums) {
      expect(snapshot.enums.find((x) => x.name === e.name)?.values).toEqual(e.values.map((v) => v.name));
    }
    expect(snapshot.enums.map((e) => e.name).sort()).toEqual(dmmf.enums.map((e) => e.name).sort());
  });

  it("has a foreign key for every relation", () => {
    const expected = dmmf.models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind === "object" && f.relationFromFields && f.relationFromFields.length > 0)
        .map((f) => {
          const target = dmmf.models.find((m) => m.name === f.type)!;
          return `${tableOf(model)}.${columnOf(model, f.relationFromFields![0]!)} -> ${tableOf(target)}.${columnOf(target, f.relationToFields![0]!)}`;
        }),
    );
    const actual = snapshot.foreignKeys.map(
      (fk) => `${fk.table_name}.${fk.column_name} -> ${fk.ref_table}.${fk.ref_column}`,
    );
    expect(actual.sort()).toEqual(expected.sort());
  });
});
