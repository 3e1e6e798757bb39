// Values handed from tests/setup/global-setup.ts to the test files through vitest's inject().
declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated test database (local only). */
    databaseUrl: string;
  }
}

export {};
