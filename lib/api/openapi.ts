// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Request bodies are
// generated from the routes' own zod schemas (the JSON Schema of what a caller sends), so the
// document cannot drift from the validation; tests/integration/openapi.test.ts checks that
// every route is described.
import { z } from "zod";
import { createConnectionSchema } from "@/lib/connections/api-schemas";
import { changeInvoiceStatusSchema, createInvoiceSchema } from "@/lib/invoices/schemas";
import { InvoiceStatus } from "@/lib/generated/prisma/enums";

export const API_V1_OPERATIONS = [
  { path: "/invoices", schema: createInvoiceSchema, name: "CreateInvoice", result: "InvoiceResult", summary: "Enregistrer une facture (idempotent)" },
  {
    path: "/invoices/status",
    schema: changeInvoiceStatusSchema,
    name: "ChangeInvoiceStatus",
    result: "InvoiceResult",
    summary: "Signaler le nouveau statut d'une facture (FINANCED crée la commission du partenaire, REJECTED après financement l'annule)",
  },
  {
    path: "/connections",
    schema: createConnectionSchema,
    name: "CreateConnection",
    result: "ConnectionResult",
    summary: "Signaler un fournisseur ou client invité par un client dans son réseau (idempotent)",
  },
] as const;

export function requestBodySchema(schema: z.ZodType): Record<string, unknown> {
  // OpenAPI 3.1 schemas are JSON Schema 2020-12; the dialect is the document's, not each schema's.
  const json = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

const nullableDateTime = { type: ["string", "null"], format: "date-time" };

const ERROR = {
  type: "object",
  required: ["error"],
  properties: {
    error: { type: "string", description: "Message en français" },
    fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
  },
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

export function buildOpenApiDocument(serverUrl: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {
    Error: ERROR,
    Invoice: {
      type: "object",
      properties: {
        id: { type: "string" },
        clientSiren: { type: "string" },
        supplierSiren: { type: "string" },
        supplierName: { type: "string" },
        number: { type: "string" },
        amountCents: { type: "integer" },
        dueDate: { type: "string", format: "date" },
        status: { type: "string", enum: Object.values(InvoiceStatus) },
        submittedAt: { type: "string", format: "date-time" },
        validatedAt: nullableDateTime,
        financedAt: nullableDateTime,
        paidAt: nullableDateTime,
        rejectedAt: nullableDateTime,
        createdAt: { type: "string", format: "date-time" },
        updatedAt: { type: "string", format: "date-time" },
      },
    },
    InvoiceResult: {
      type: "object",
      properties: {
        invoice: { $ref: "#/components/schemas/Invoice" },
        created: { type: "boolean", description: "POST /invoices : vrai si l'appel a créé la facture" },
        changed: { type: "boolean", description: "POST /invoices/status : vrai si le statut a changé" },
      },
    },
    Connection: {
      type: "object",
      properties: {
        id: { type: "string" },
        clientSiren: { type: "string" },
        siren: { type: "string" },
        name: { type: "string" },
        relation: { type: "string", enum: ["SUPPLIER", "CUSTOMER"] },
        source: { type: "string", enum: ["PLATFORM", "SALES"] },
        linked: { type: "boolean", description: "La connexion est un prospect du CRM" },
        createdAt: { type: "string", format: "date-time" },
      },
    },
    ConnectionResult: {
      type: "object",
      properties: { connection: { $ref: "#/components/schemas/Connection" }, created: { type: "boolean" } },
    },
  };
  for (const op of API_V1_OPERATIONS) {
    schemas[op.name] = requestBodySchema(op.schema);
    const result = { content: { "application/json": { schema: { $ref: `#/components/schemas/${op.result}` } } } };
    paths[op.path] = {
      post: {
        operationId: op.name.charAt(0).toLowerCase() + op.name.slice(1),
        summary: op.summary,
        security: [{ bearer: [] }],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${op.name}` } } } },
        responses: {
          "200": { description: "Déjà enregistré (appel idempotent) ou mis à jour", ...result },
          ...(op.path === "/invoices/status" ? {} : { "201": { description: "Créé", ...result } }),
          "400": errorResponse("Corps invalide (les champs en cause dans fieldErrors)"),
          "401": errorResponse("Clé d'API absente, invalide ou révoquée"),
          "404": errorResponse("Client (ou facture) inconnu du CRM"),
          "409": errorResponse("Conflit : transition de statut refusée, ou connexion déjà enregistrée sous un autre nom"),
          "413": errorResponse("Corps de plus de 64 Ko"),
          "415": errorResponse("Content-Type autre que application/json"),
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "API de la plateforme de financement (CRM partenaires)", version: "1.0.0" },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "Clé d'API créée dans Administration › Clés d'API" } }, schemas },
    paths,
  };
}
