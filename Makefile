# Limber: `make run` serves the app, `make test` runs every check.
# Both install what they need first; each install step is a quick version
# check when the tool is already there.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
GECKODRIVER_VERSION := 0.37.1
# The three engines the browser tests run in, one after another (2 cores).
ENGINES := chromium firefox webkit
APT_PACKAGES := chromium chromium-driver brotli firefox-esr webkit2gtk-driver xvfb xauth

.PHONY: help run test bench tools build-tools browser-tools wasm-target trunk wasm-bindgen node-tools \
        browser geckodriver fmt lint unit icons icons-check release e2e sizes timing lighthouse clean

help:
	@echo "make run    build and serve the app on http://127.0.0.1:8080 with live reload"
	@echo "make test   install what is missing, then run every check"
	@echo "make bench  release build, then sizes and timings"
	@echo "make icons  render public/icons/*.svg to the PNGs the manifest uses"

# ---------- installs ----------

build-tools: wasm-target trunk wasm-bindgen node-tools
browser-tools: browser geckodriver
tools: build-tools browser-tools

wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

trunk:
	@trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)" \
	  || cargo install --locked trunk --version $(TRUNK_VERSION)

# Not --locked: its lockfile pins a crate version the registry no longer serves.
wasm-bindgen:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "no wasm-bindgen in Cargo.lock"; exit 1; }
	@wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

# wasm-opt comes from npm's binaryen: Debian's older one emits wasm that fails to load.
node-tools: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Debian's browsers and drivers: Chromium with ChromeDriver, Firefox ESR, and
# WebKitGTK's WebKitWebDriver (with MiniBrowser), which needs a display: Xvfb.
browser:
	@( for tool in chromium chromedriver brotli firefox-esr WebKitWebDriver xvfb-run xauth; do \
	  command -v $$tool >/dev/null || exit 1; done ) \
	  || { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $(APT_PACKAGES); }

# Firefox's WebDriver, from crates.io; without --locked if a locked crate is gone.
geckodriver:
	@geckodriver --version 2>/dev/null | head -n1 | grep -q "^geckodriver $(GECKODRIVER_VERSION)" \
	  || cargo install --locked geckodriver --version $(GECKODRIVER_VERSION) \
	  || cargo install geckodriver --version $(GECKODRIVER_VERSION)

# ---------- the two commands ----------

run: build-tools
	trunk serve --offline

test: tools
	$(MAKE) --no-print-directory fmt lint unit icons-check release e2e

bench: build-tools browser-tools release sizes timing lighthouse

# ---------- checks ----------

fmt:
	cargo fmt --all -- --check

lint:
	cargo clippy --all-targets --features e2e -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -- -D warnings

unit:
	cargo test

# The app's PNG icons come from public/icons/*.svg through tools/icons (resvg),
# its own crate so resvg never enters the app's build.
icons:
	cargo run --quiet --release --manifest-path tools/icons/Cargo.toml

icons-check:
	cargo run --quiet --release --manifest-path tools/icons/Cargo.toml -- --check

# A release build prerenders its common pages in Chromium (scripts/prerender.mjs).
# A warm `make test` with none of its inputs changed reuses dist/ (about a
# minute saved); a build by `make run` (debug, into dist/) makes it build again.
RELEASE_INPUTS := $(shell find src catalogue style public scripts -type f) \
	index.html Trunk.toml Cargo.toml Cargo.lock build.rs package-lock.json
RELEASE_STAMP := target/release-dist.stamp

release: build-tools browser-tools $(RELEASE_STAMP)

$(RELEASE_STAMP): $(RELEASE_INPUTS) $(wildcard dist/index.html)
	trunk build --release --offline
	@mkdir -p $(@D) && touch $@

# Every engine runs even when one fails, so a run shows all of them; the
# target fails if any did. WebKit's MiniBrowser needs a display: Xvfb.
# Chromium runs a third test at a time: its page frozen for a minute
# (clock.rs) holds a test thread while using no CPU.
# One engine: `make e2e ENGINES=firefox`.
e2e:
	@failed=""; for engine in $(ENGINES); do \
	  echo "== browser tests in $$engine"; \
	  run=""; [ "$$engine" = webkit ] && run="xvfb-run -a"; \
	  threads=""; [ "$$engine" = chromium ] && threads="--test-threads=3"; \
	  LIMBER_ENGINE=$$engine $$run cargo test --features e2e --test e2e -- $$threads || failed="$$failed $$engine"; \
	done; \
	if [ -n "$$failed" ]; then echo "browser tests failed in:$$failed"; exit 1; fi

sizes:
	@scripts/sizes.sh dist

# Plays a 3-minute routine in real time, then one with a frozen minute.
lighthouse: node-tools
	scripts/lighthouse.sh

timing:
	cargo test --features e2e --test e2e bench_ -- --ignored --nocapture --test-threads=1 2>&1 \
	  | grep -oE "(player timing|offline reload):.*|panicked.*|test result.*"

clean:
	trunk clean
	cargo clean
