// Tailwind 4 reads this through `@config` in app/globals.css; content detection is automatic,
// so only the brand palette lives here.
import type { Config } from "tailwindcss";

export default {
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef4ff",
          100: "#dae6ff",
          200: "#bdd3ff",
          300: "#90b6ff",
          400: "#5c8dfd",
          500: "#3766f9",
          600: "#2147ee",
          700: "#1935db",
          800: "#1b2eb1",
          900: "#1c2d8b",
          950: "#161d55",
        },
      },
      fontFamily: {
        sans: [
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Roboto",
          "Helvetica Neue",
          "Arial",
          "Noto Sans",
          "sans-serif",
        ],
      },
    },
  },
} satisfies Config;
