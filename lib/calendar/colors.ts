// An appointment is painted in its type's colour; its text takes black or white, whichever
// contrasts more (WCAG relative luminance), so any colour an admin picks stays readable.
// Client-safe.

const HEX = /^#[0-9a-f]{6}$/i;
const FALLBACK = "#64748b";

// Pure black: with any lighter dark, some mid-grey backgrounds would fall under 4.5:1 both ways.
export const DARK_TEXT = "#000000";
export const LIGHT_TEXT = "#ffffff";

// A stored colour that is not #RRGGBB (hand-edited data) must not break the page's CSS.
export function safeColor(color: string | null | undefined): string {
  const value = (color ?? "").trim();
  return HEX.test(value) ? value.toLowerCase() : FALLBACK;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(color: string): number {
  const hex = safeColor(color);
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

// The better of black and white text on that background: at least 4.5:1 for every colour.
export function readableTextColor(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

export function appointmentColors(color: string): { backgroundColor: string; borderColor: string; color: string } {
  const background = safeColor(color);
  return { backgroundColor: background, borderColor: background, color: readableTextColor(background) };
}
