#!/usr/bin/env bash
# messenger-compare's one entry point. Each command installs what is missing (pinned
# versions), skips what is there, then does its job:
#   tools/run.sh serve   set up, build the release bundle into dist/, serve it on 127.0.0.1
#   tools/run.sh test    set up, then run every test: native, lints, release build, browser
#   tools/run.sh build   set up and build the release bundle only
#   tools/run.sh bench   set up, build, and run the benchmark (report in target/bench/)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
TRUNK_VERSION=0.21.14
TWIGGY_VERSION=0.8.0
export PATH="$HOME/.cargo/bin:$ROOT/tests/node_modules/.bin:$PATH"

log() { printf '\n== %s\n' "$*"; }

wasm_bindgen_version() {
  # The CLI must match the wasm-bindgen crate that Cargo.lock pins, to the patch.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup_rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (about 10 minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local wb
  wb=$(wasm_bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
    log "installing wasm-bindgen-cli $wb"
    cargo install wasm-bindgen-cli --version "=$wb" --locked || cargo install wasm-bindgen-cli --version "=$wb"
  fi
}

setup_node() {
  # wasm-opt (npm binaryen: Debian's is too old for rustc's output), axe-core, puppeteer-core
  # (the browser tests, Chromium and Firefox), playwright-core (the benchmark), ajv (checks
  # the published dataset against its schema). No browser downloads: the tests drive
  # Debian's browsers.
  export PUPPETEER_SKIP_DOWNLOAD=1
  if [ ! -f tests/node_modules/.package-lock.json ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
    log "installing the test and build tools from tests/package-lock.json"
    (cd tests && npm ci --no-audit --no-fund)
  fi
}

# The browser tests' locales: WebKit takes navigator.languages from the process's locale.
TEST_LOCALES="en_US ru_RU pt_BR zh_TW"

setup_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
  [ -d /usr/share/i18n/locales ] || missing+=(locales)
  dpkg -s fonts-noto-core >/dev/null 2>&1 || missing+=(fonts-noto-core)
  # Python with venv and pip: the MkDocs Material test host.
  python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3 python3-venv)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian's ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  fi
  local l
  for l in $TEST_LOCALES; do
    if ! locale -a | grep -qix "$l.utf8"; then
      log "generating the $l.UTF-8 locale (WebKit's browser language in the tests)"
      localedef -i "$l" -f UTF-8 "$l.UTF-8"
    fi
  done
}

# The MkDocs Material test host (tests/fixtures/mkdocs/): a venv under target/ with exactly the
# pinned requirements (made afresh when it differs), then the site, into target/mkdocs-site.
MKDOCS=tests/fixtures/mkdocs
MKDOCS_VENV=target/mkdocs-venv

mkdocs_site() {
  if [ ! -x "$MKDOCS_VENV/bin/pip" ] \
    || ! diff -q <(grep -v '^#' "$MKDOCS/requirements.txt" | sort -f) <("$MKDOCS_VENV/bin/pip" freeze | sort -f) >/dev/null; then
    log "installing mkdocs-material from $MKDOCS/requirements.txt into $MKDOCS_VENV"
    python3 -m venv --clear "$MKDOCS_VENV"
    # Every package is pinned there, dependencies included: nothing else may come in.
    "$MKDOCS_VENV/bin/pip" install --quiet --no-deps -r "$MKDOCS/requirements.txt"
  fi
  log "building the MkDocs Material test host into target/mkdocs-site"
  NO_MKDOCS_2_WARNING=1 "$MKDOCS_VENV/bin/mkdocs" build --quiet --clean -f "$MKDOCS/mkdocs.yml"
}

# The browser suite once per engine, each timed; every engine runs, and any failure fails.
# WebKit's MiniBrowser needs an X display.
browser_tests() {
  local engine start failed=()
  for engine in chromium firefox webkit; do
    log "browser tests in $engine"
    start=$SECONDS
    local run=(node --test --test-concurrency=1 tests/browser/)
    [ "$engine" = webkit ] && run=(xvfb-run -a "${run[@]}")
    ENGINE=$engine "${run[@]}" || failed+=("$engine")
    log "browser tests in $engine took $((SECONDS - start)) s"
  done
  if [ ${#failed[@]} -gt 0 ]; then
    log "browser tests failed in: ${failed[*]}"
    return 1
  fi
}

build() {
  log "building the release bundle into dist/"
  local start=$SECONDS
  trunk build --release --offline
  log "trunk build --release took $((SECONDS - start)) s"
}

case "${1:-}" in
  build)
    setup_rust; setup_node; build ;;
  serve)
    setup_rust; setup_node; build
    port=${PORT:-8080}
    PORT=$port exec node tools/serve.mjs ;;
  test)
    start=$SECONDS
    setup_rust; setup_node; setup_browser
    log "dataset and locale check"
    cargo run --quiet
    log "native unit tests"
    cargo test
    log "lints"
    cargo fmt --check
    cargo clippy --all-targets --quiet -- -D warnings
    cargo clippy --target wasm32-unknown-unknown --quiet -- -D warnings
    build
    log "the published dataset against its JSON Schema; the size budget"
    node --test tests/dataset.test.mjs tests/size.test.mjs
    log "building a 1,000-messenger bundle (synthetic, under target/) for the large-list tests"
    node tools/synthetic.mjs 1000 target/large-data --texts
    MC_DATA_DIR="$ROOT/target/large-data" trunk build --release --offline --dist target/large-dist
    mkdocs_site
    browser_tests
    log "all tests took $((SECONDS - start)) s" ;;
  bench)
    setup_rust; setup_node; setup_browser
    if [ "$(twiggy --version 2>/dev/null)" != "twiggy-opt $TWIGGY_VERSION" ]; then
      log "installing twiggy $TWIGGY_VERSION (the benchmark's wasm size breakdown)"
      cargo install twiggy --version "$TWIGGY_VERSION" --locked
    fi
    if [ ! -f tools/lighthouse/node_modules/.package-lock.json ] || [ tools/lighthouse/package-lock.json -nt tools/lighthouse/node_modules/.package-lock.json ]; then
      log "installing Lighthouse from tools/lighthouse/package-lock.json (the benchmark only)"
      (cd tools/lighthouse && npm ci --no-audit --no-fund)
    fi
    build
    log "benchmark: floor, peer and widget at N = 5, 100, 1000, 10000; Lighthouse"
    node tools/bench.mjs ;;
  *)
    echo "usage: tools/run.sh serve|test|build|bench" >&2
    exit 2 ;;
esac
