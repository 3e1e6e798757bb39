// Stands in for the "server-only" package under vitest, whose real module throws outside a
// React Server Components bundle; lib code marked server-only is then testable in node.
export {};
