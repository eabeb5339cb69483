#!/usr/bin/env bash
# Builds Bureau's native Ed25519 library (native/bureau_ed25519, curve25519-dalek)
# and installs it as ceremony/protocol/_native/libbureau_ed25519.so, where
# ceremony/protocol/ed25519_native.py loads it. Offline: every crate is vendored
# in native/vendor/ and pinned by native/Cargo.lock. Needs cargo and rustc >= 1.63
# (Debian 12: apt-get install cargo rustc). Skips the build when the installed
# library was made from the same sources.
#   bash native/build.sh [--force]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dest=$root/ceremony/protocol/_native
lib=libbureau_ed25519.so
cargo=${CARGO:-$(command -v cargo || echo /usr/bin/cargo)}
if [ ! -x "$cargo" ]; then
    echo "native/build.sh: cargo introuvable (apt-get install cargo rustc)" >&2
    exit 1
fi
# What the library is made of: the sources, the lock file and the compiler.
want=$(cd "$root/native" && { find . -path ./target -prune -o -type f -print0 \
    | LC_ALL=C sort -z | xargs -0 sha256sum; "$cargo" --version; rustc --version 2>/dev/null \
    || true; } | sha256sum | cut -d' ' -f1)
stamp=$dest/.bureau-native.sha256
if [ "${1:-}" != "--force" ] && [ -f "$dest/$lib" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    exit 0
fi
echo "native/build.sh: compilation de $lib (curve25519-dalek, hors ligne)"
target=${CARGO_TARGET_DIR:-$root/native/target}
mkdir -p "$target"
log=$target/build.log
# --remap-path-prefix: the library's bytes do not depend on where the tree is;
# --cap-lints: the vendored crates' warnings are their maintainers' business.
if ! RUSTFLAGS="${RUSTFLAGS:-} --remap-path-prefix=$root/native=native --cap-lints=allow" \
    CARGO_TARGET_DIR=$target "$cargo" build --release --offline --locked \
    --manifest-path "$root/native/Cargo.toml" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "native/build.sh: échec de la compilation (journal : $log)" >&2
    exit 1
fi
mkdir -p "$dest"
install -m 0755 "$target/release/$lib" "$dest/$lib.tmp"
mv "$dest/$lib.tmp" "$dest/$lib"
echo "$want" > "$stamp"
