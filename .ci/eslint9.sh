#!/usr/bin/env bash
# Runs the rule tests with ESLint 9 instead of 10, in a scratch copy so the main install is untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=".tmp/eslint9"
rm -rf "$scratch" && mkdir -p "$scratch"
cp -r package.json package-lock.json tsconfig.json vitest.config.ts README.md src tests fixtures docs "$scratch"/
cd "$scratch"
npm ci --no-audit --no-fund --ignore-scripts >/dev/null
npm install --no-audit --no-fund --ignore-scripts --no-save eslint@^9.39 >/dev/null
node -e 'const v=require("eslint/package.json").version; if(!v.startsWith("9.")) throw new Error("expected ESLint 9, got "+v); console.log("ESLint", v)'
SKIP_PACKAGE_TEST=1 npx vitest run tests/rules tests/docs.test.ts tests/configs.test.ts
