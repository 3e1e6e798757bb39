// Chains of actions (« « » / « » »): each action may follow one other (previousActionId). Pure
// helpers, no database, shared by the queries and the unit tests.

export type ChainLink = { id: string; previousActionId: string | null };

// The chains formed by a set of actions, each from its first action to its last. A chain starts
// at an action that follows nothing in the set; chains come in the order of their first action
// in `items` (callers sort by date). A cycle, which the data should never hold, is cut where it
// is entered so that every action appears exactly once.
export function buildChains<T extends ChainLink>(items: readonly T[]): T[][] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const follower = new Map<string, T>();
  for (const item of items) {
    if (item.previousActionId && byId.has(item.previousActionId) && !follower.has(item.previousActionId)) {
      follower.set(item.previousActionId, item);
    }
  }
  const seen = new Set<string>();
  const walk = (head: T): T[] => {
    const chain: T[] = [];
    let current: T | undefined = head;
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      chain.push(current);
      current = follower.get(current.id);
    }
    return chain;
  };
  const chains: T[][] = [];
  for (const item of items) {
    const isHead = !item.previousActionId || !byId.has(item.previousActionId) || follower.get(item.previousActionId) !== item;
    if (isHead && !seen.has(item.id)) chains.push(walk(item));
  }
  for (const item of items) if (!seen.has(item.id)) chains.push(walk(item));
  return chains;
}

export type ChainPosition = {
  // 1-based, as shown: « 2 / 4 ».
  index: number;
  total: number;
  previousId: string | null;
  nextId: string | null;
  firstId: string;
  lastId: string;
};

// Where an action stands in its chain, or null when it is not in any of them.
export function chainPosition<T extends ChainLink>(chains: readonly (readonly T[])[], id: string): ChainPosition | null {
  for (const chain of chains) {
    const at = chain.findIndex((item) => item.id === id);
    if (at === -1) continue;
    return {
      index: at + 1,
      total: chain.length,
      previousId: at > 0 ? chain[at - 1]!.id : null,
      nextId: at < chain.length - 1 ? chain[at + 1]!.id : null,
      firstId: chain[0]!.id,
      lastId: chain[chain.length - 1]!.id,
    };
  }
  return null;
}

export function formatChainPosition(position: Pick<ChainPosition, "index" | "total">): string {
  return `${position.index} / ${position.total}`;
}
