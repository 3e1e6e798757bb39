export * from "./random";
export * from "./reference-data";
export * from "./people";
export * from "./prospects";
export * from "./imports";
export * from "./action-types";
