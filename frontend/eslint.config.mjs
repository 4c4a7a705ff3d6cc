import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
// ESLint's own parser (Next's config parses everything as TypeScript), which enforces ecmaVersion.
import * as espree from "espree";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Served as is to browsers without a build step: plain ES2017 scripts.
    files: ["public/**/*.js"],
    languageOptions: {
      parser: espree,
      ecmaVersion: 2017,
      sourceType: "script",
      globals: { window: "readonly", document: "readonly", fetch: "readonly" },
    },
    // ES2017 has no catch without a binding.
    rules: { "@typescript-eslint/no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  { ignores: [".next/**", "node_modules/**", "next-env.d.ts", "src/api/schema.d.ts", "test-results/**", "playwright-report/**"] },
];

export default config;
