#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Host-side checks: formatting, clippy with warnings as errors, and every workspace test.
# With KAPI_KSRC (the kernel source; `make host-test` sets it) the kapi_tables tests and
# `kapi lint` run too; without it they are skipped.
source "$(dirname "$0")/lib.sh"
cd "$KAPI_ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
[ -n "${KAPI_KSRC:-}" ] ||
	log "KAPI_KSRC is not set: the kapi_tables tests and kapi lint are skipped"
log "cargo fmt --check"
cargo fmt --all --check || die "code is not rustfmt-formatted (run 'cargo fmt --all')"
log "cargo clippy"
cargo clippy --locked --workspace --all-targets -q -- -D warnings || die "clippy reported problems"
log "cargo test"
cargo test --locked --workspace 2>&1 || die "cargo test failed"
if [ -n "${KAPI_KSRC:-}" ]; then
	log "kapi lint (specs/ and the test-variant specs)"
	# Two sets, each built into its own module: each is linted on its own.
	for set in specs selftests/variant; do
		cargo run --release --locked -q -p kapi_cli -- lint --ksrc "$KAPI_KSRC" "$set"/*.kapi ||
			die "kapi lint reported errors in $set/"
	done
fi
