#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Prints `KAPI_CRATE_<name>=<source dir>` for the crates the module compiles in (heapless and its
# dependencies), as resolved by Cargo.lock, fetching them from crates.io if needed.
source "$(dirname "$0")/lib.sh"
cd "$KAPI_ROOT"
cargo fetch --locked -q >&2 || die "cargo fetch failed: the module's crates (heapless & co.) come from crates.io"
cargo metadata --locked --format-version 1 2>/dev/null | python3 -c '
import json, os, sys
want = {"heapless", "hash32", "byteorder", "stable_deref_trait"}
meta = json.load(sys.stdin)
# Only the versions in the resolved graph of kapi_checker (there is one of each).
ids = {n["id"] for n in meta["resolve"]["nodes"]}
found = {}
for p in meta["packages"]:
    if p["name"] in want and p["id"] in ids:
        found[p["name"]] = os.path.dirname(p["manifest_path"])
missing = want - set(found)
if missing:
    sys.exit("kapi: crates missing from cargo metadata: " + ", ".join(sorted(missing)))
print(" ".join(f"KAPI_CRATE_{k}={v}" for k, v in sorted(found.items())))
'
