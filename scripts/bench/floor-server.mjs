// The benchmark's floor: the least a server can do to answer a page. It runs the very SQL
// statements the page ran (captured from the app's query log by scripts/bench/run.ts, with their
// parameters), in the same order, on a pg pool of the app's size, and answers trivial HTML.
// Usage: node scripts/bench/floor-server.mjs --port 3301 --statements file.json --database-url postgres://…
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    statements: { type: "string" },
    "database-url": { type: "string" },
    pool: { type: "string", default: "10" },
  },
});
/** @type {Record<string, { sql: string, params: unknown[] }[]>} */
const pages = JSON.parse(readFileSync(values.statements, "utf8"));
const pool = new pg.Pool({ connectionString: values["database-url"], max: Number(values.pool) });

const server = createServer(async (req, res) => {
  const key = decodeURIComponent((req.url ?? "/").slice(1));
  const statements = pages[key];
  if (!statements) {
    res.statusCode = 404;
    res.end("not found");
    return;
  }
  const client = await pool.connect();
  try {
    let rows = 0;
    for (const s of statements) rows += (await client.query(s.sql, s.params)).rowCount ?? 0;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<!doctype html><title>${key}</title><p>${statements.length} statements, ${rows} rows</p>`);
  } catch (error) {
    res.statusCode = 500;
    res.end(String(error));
  } finally {
    client.release();
  }
});
server.listen(Number(values.port), () => console.log(`floor ready on ${values.port}`));
const close = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on("SIGTERM", close);
process.on("SIGINT", close);
