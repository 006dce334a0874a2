#!/usr/bin/env bash
# npm run format: Prettier on the code in src/, scripts/ and tests/ (not data/). Twice, because a few
# constructs (long member chains, tags hugged by prettier-plugin-astro) settle only on the second pass,
# and the check in npm test (npm run format:check) wants the settled form.
set -euo pipefail
cd "$(dirname "$0")/.."
files=("src/**/*.{ts,astro,mjs}" "scripts/**/*.{ts,mjs}" "tests/**/*.{ts,mjs}")
npx prettier --log-level warn --write "${files[@]}"
npx prettier --log-level warn --write "${files[@]}"
