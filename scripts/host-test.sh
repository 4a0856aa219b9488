#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Host-side checks: formatting, clippy with warnings as errors, and every workspace test.
source "$(dirname "$0")/lib.sh"
cd "$KAPI_ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
log "cargo fmt --check"
cargo fmt --all --check || die "code is not rustfmt-formatted (run 'cargo fmt --all')"
log "cargo clippy"
cargo clippy --locked --workspace --all-targets -q -- -D warnings || die "clippy reported problems"
log "cargo test"
cargo test --locked --workspace 2>&1 || die "cargo test failed"
log "kapi lint (specs/ and the test-variant specs)"
if [ -n "${KAPI_KSRC:-}" ]; then
	# Two sets, each built into its own module: each is linted on its own.
	for set in specs selftests/variant; do
		cargo run --release --locked -q -p kapi_cli -- lint --ksrc "$KAPI_KSRC" "$set"/*.kapi ||
			die "kapi lint reported errors in $set/"
	done
fi
