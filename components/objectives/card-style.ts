import type { CardCategory } from "@/lib/objectives/categories";

// The two colours of the seed (won, closing soon) plus a muted look for lost cards; the legend
// and every card read from here so they cannot disagree.
export const CARD_CATEGORY_CLASSES: Record<CardCategory, string> = {
  won: "border-l-4 border-l-emerald-600 bg-emerald-50",
  "closing-soon": "border-l-4 border-l-amber-500 bg-amber-50",
  lost: "border-l-4 border-l-slate-400 bg-slate-50",
  neutral: "border-l-4 border-l-slate-200 bg-white",
};

export const CARD_CATEGORY_SWATCH: Record<"won" | "closing-soon", string> = {
  won: "bg-emerald-600",
  "closing-soon": "bg-amber-500",
};

export const CARD_TAG_TONE = {
  won: "success",
  "closing-soon": "warning",
  lost: "neutral",
  neutral: "neutral",
} as const satisfies Record<CardCategory, "success" | "warning" | "neutral">;
