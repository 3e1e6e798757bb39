"use client";

import { useEffect, useState } from "react";

type NafLabels = typeof import("@/lib/naf/labels");

// The NAF table is 18 kB of gzip the prospect file does not need to show first: it is fetched
// after hydration (once: later imports resolve from the module cache), and the code stands
// alone until then.
export function useNafLabels(): NafLabels | null {
  const [labels, setLabels] = useState<NafLabels | null>(null);
  useEffect(() => {
    let active = true;
    void import("@/lib/naf/labels").then((mod) => {
      if (active) setLabels(mod);
    });
    return () => {
      active = false;
    };
  }, []);
  return labels;
}
