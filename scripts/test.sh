#!/usr/bin/env bash
# npm test: every gate in order, each timed; stops at the first failing gate and says which.
set -uo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1
summary=()
passed=0
run() {
  local name=$1; shift
  local start=$SECONDS
  echo; echo "━━ $name"
  if "$@"; then
    summary+=("$(printf '  ✓ %-52s %4ss' "$name" $((SECONDS - start)))"); passed=$((passed + 1))
  else
    summary+=("$(printf '  ✗ %-52s %4ss' "$name" $((SECONDS - start)))")
    echo; printf '%s\n' "${summary[@]}"; echo "gates: $passed passed, 1 failed"; exit 1
  fi
}
run "browser prerequisites (chromium, fonts-noto-cjk, poppler-utils)" bash scripts/ensure-browser.sh
run "data check (npm run check)" npm run -s check
run "format (prettier --check src, scripts, tests)" npm run -s format:check
run "type check (astro sync + tsc)" npm run -s typecheck
# Two workers: these tests build nothing and share no files (each uses its own temporary folder), and on a
# 2-core CI machine Vitest would otherwise use one (cores - 1).
run "unit tests and source checks (tests/unit, tests/source)" npx vitest run tests/unit tests/source --maxWorkers=2
run "data, fixtures, completeness (tests/data)" npx vitest run tests/data
run "build (astro build: data check, pages, sitemap, search index)" npm run -s build
run "built site: links, HTML, CSP, URLs, reproducible (tests/site)" npx vitest run tests/site
run "browser: pages, axe, print, keyboard, search (tests/browser)" npx playwright test
run "Lighthouse: a11y, best practices, SEO = 100" npm run -s lighthouse
echo; printf '%s\n' "${summary[@]}"
echo "gates: $passed passed, 0 failed"
