// Runs `prisma generate` offline. The CLI insists on a schema-engine binary even though
// generate never uses it, and downloading one is impossible without internet; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file (here: node itself) satisfies it.
// Only this child process gets the variable, so `prisma migrate` on a connected machine is unaffected.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
