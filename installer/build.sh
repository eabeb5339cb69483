#!/usr/bin/env bash
# Builds the frozen, self-contained Bureau bundle for Linux x86-64, reproducibly:
# the same commit gives the same bytes, file for file (see installer/README.md).
#
#   bash installer/build.sh [--ref REF | --worktree] [--out DIR] [--work DIR] [--fresh]
#
#   --ref REF    the commit to build (default HEAD); the build never reads the
#                work tree, only `git archive REF`
#   --worktree   build the work tree as it is (tracked and untracked files that
#                are not ignored), for development only: the result names no commit
#   --out DIR    where the bundle, its archive and hashes go (default dist/)
#   --work DIR   scratch space (default build/installer/); the build venv lives
#                there and is reused while the lock files are unchanged
#   --fresh      recreate the build venv first
#
# Output in DIR: bureau-<version>-linux-x86_64/ (run ./bureau and ./bureau-app
# from it), the same as a .tar.gz, <archive>.sha256, <bundle>.fingerprint and
# <bundle>.buildinfo (what the bytes depend on besides the commit).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
ref=HEAD
worktree=0
out=$root/dist
work=$root/build/installer
fresh=0
while [ $# -gt 0 ]; do
    case $1 in
        --ref) ref=$2; shift 2 ;;
        --worktree) worktree=1; shift ;;
        --out) out=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --fresh) fresh=1; shift ;;
        *) echo "build.sh: option inconnue : $1" >&2; exit 2 ;;
    esac
done
python=${PYTHON:-python3}
mkdir -p "$out" "$work"
out=$(cd "$out" && pwd)
work=$(cd "$work" && pwd)

# One build at a time per scratch folder (tests and hand builds share its venv).
exec 9>"$work/.lock"
if ! flock -n 9; then
    echo "build.sh: une autre construction utilise $work ; attente..." >&2
    flock 9
fi

step() { echo "build.sh: [$(( $(date +%s) - started ))s] $*"; }
started=$(date +%s)

# Everything that could leak the build's time, place, locale or hash seed into
# the output is fixed here.
commit=$(git -C "$root" rev-parse --verify "$ref^{commit}")
SOURCE_DATE_EPOCH=$(git -C "$root" log -1 --format=%ct "$commit")
export SOURCE_DATE_EPOCH
export PYTHONHASHSEED=0 TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8
export PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
# Extensions built from source (pyscard) must not record the random pip build
# directory in their debug information; the user's compiler settings stay out.
unset CC CXX CPP CPPFLAGS CXXFLAGS LDFLAGS LDSHARED ARCHFLAGS
export CFLAGS="-g0"
# PyInstaller's cache lives with the build, never in the user's home.
export PYINSTALLER_CONFIG_DIR=$work/pyinstaller
umask 022

# Qt's xcb plugin links these; missing on the build host, they are missing from
# the bundle and the GUI needs them installed on the laptop instead.
for lib in libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-cursor.so.0; do
    if ! ldconfig -p | grep -q "$lib"; then
        echo "build.sh: ATTENTION : $lib absent, il ne sera pas dans le paquet" \
            "(apt-get install libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0)" >&2
    fi
done

# 1. The source: one commit, never the work tree (unless asked).
src=$work/src
rm -rf "$src"
mkdir -p "$src"
if [ "$worktree" = 1 ]; then
    step "source: work tree (development build, based on $commit)"
    (cd "$root" && git ls-files -z -co --exclude-standard \
        | xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh \
        | tar --null -T - -cf -) | tar -x -C "$src"
else
    step "source: commit $commit"
    git -C "$root" archive --format=tar "$commit" | tar -x -C "$src"
fi
find "$src" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

# 2. The build venv, from the hash-locked requirements only. pip never uses
# the user's cache: a pyscard wheel compiled there earlier (by bootstrap.sh,
# without -g0) would enter the bundle instead of the one compiled here. The
# wheel-or-source choice is fixed whatever the user's pip configuration, and
# pyscard is built without build isolation, by the pinned setuptools and SWIG
# of installer/requirements.lock rather than whatever is newest on PyPI that
# day. A venv made by another version of this script (the one running, not
# the commit's copy) is never reused.
venv=$work/venv
want=$(cat "$src/requirements/lock.txt" "$src/installer/requirements.lock" \
    "${BASH_SOURCE[0]}" <("$python" -VV) | sha256sum | cut -d' ' -f1)
if [ "$fresh" = 1 ] || [ "$(cat "$venv/.bureau-build.sha256" 2>/dev/null)" != "$want" ]; then
    step "build venv: $venv"
    rm -rf "$venv"
    "$python" -m venv "$venv"
    pip_install() {
        PATH=$venv/bin:$PATH "$venv/bin/python" -m pip install -q --no-cache-dir \
            --require-hashes --no-deps --only-binary=:all: --no-binary=pyscard \
            --no-build-isolation "$@"
    }
    pip_install -r "$src/installer/requirements.lock"
    pip_install -r "$src/requirements/lock.txt"
    echo "$want" > "$venv/.bureau-build.sha256"
else
    step "build venv: reused ($venv)"
fi

# 3. The native Ed25519 library (native/, vendored crates: no network), into the
# source tree where bureau.spec takes it. Needs cargo and rustc on the build host.
step "native: libbureau_ed25519.so"
CARGO_TARGET_DIR=$work/native-target bash "$src/native/build.sh" --force

# 4. Freeze.
version=$("$venv/bin/python" -c 'import ast, sys
tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
print(next(n.value.value for n in tree.body if isinstance(n, ast.Assign)
      and n.targets[0].id == "__version__"))' "$src/ceremony/__init__.py")
name=bureau-$version-linux-x86_64
step "PyInstaller: $name"
rm -rf "$work/pyi" "$work/dist" "$PYINSTALLER_CONFIG_DIR"
(cd "$src" && "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$work/dist" --workpath "$work/pyi" installer/bureau.spec)

# 5. The bundle, its archive, the archive's hash and the bundle's fingerprint.
bundle=$out/$name
rm -rf "$bundle" "$out/$name.tar.gz"
mv "$work/dist/bureau" "$bundle"
chmod -R u+rwX,go+rX,go-w "$bundle"
find "$bundle" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
step "archive: $name.tar.gz"
tar -C "$out" --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
    -cf - "$name" | gzip -n > "$out/$name.tar.gz"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
# The same definition as ceremony/fingerprint.py, computed without the bundle.
fingerprint=sha256:$(cd "$bundle" && find -L . -name __pycache__ -prune -o -type f -printf '%P\n' \
    | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum | cut -d' ' -f1)
echo "$fingerprint" > "$out/$name.fingerprint"

# 6. What else the bytes depend on: the build host (see installer/README.md).
buildinfo() {
    echo "# Bureau build info: what the bundle's bytes depend on besides the commit"
    echo "commit             $commit$([ "$worktree" = 1 ] && echo ' + work tree')"
    echo "source_date_epoch  $SOURCE_DATE_EPOCH"
    echo "archive_sha256     $(cut -d' ' -f1 "$out/$name.tar.gz.sha256")"
    echo "fingerprint        $fingerprint"
    echo "host               $(. /etc/os-release && echo "$PRETTY_NAME") $(uname -m)"
    local exe pkg libpython
    exe=$("$python" -c 'import os, sys; print(os.path.realpath(sys.executable))')
    pkg=$(dpkg -S "$exe" 2>/dev/null | head -1 | cut -d: -f1) || true  # not Debian's
    echo "python             $("$python" -c 'import sys; print(sys.version.split()[0])') $exe"
    echo "python_package     ${pkg:+$(dpkg-query -W -f='${Package} ${Version}' "$pkg")}"
    libpython=$(find "$bundle/_internal" -maxdepth 1 -name 'libpython3*.so*' -type f \
        | sort | head -1) || true
    echo "libpython_sha256   ${libpython:+$(sha256sum "$libpython" | cut -d' ' -f1)}"
    echo "gcc                $(gcc -dumpfullversion 2>/dev/null)"
    echo "rustc              $(rustc --version 2>/dev/null)"
    echo "libpcsclite        $(pkg-config --modversion libpcsclite 2>/dev/null)"
    echo "# system libraries copied from the host: file, Debian package, version"
    # Bundled files identical to a library the host's loader knows.
    local cache f host
    local -a files=() paths=()
    cache=$(ldconfig -p)
    for f in "$bundle"/_internal/*.so*; do
        [ -f "$f" ] && [ ! -L "$f" ] || continue
        host=$(awk -v n="${f##*/}" '$1 == n && /x86-64/ { print $NF; exit }' <<<"$cache")
        [ -n "$host" ] && cmp -s "$f" "$host" || continue
        files+=("${f##*/}"); paths+=("$(readlink -f "$host")")
    done
    [ "${#files[@]}" -gt 0 ] || return 0
    declare -A owner=() version=()
    local line
    while IFS= read -r line; do
        owner[${line#*: }]=${line%%:*}
    done < <(dpkg -S "${paths[@]}" "${paths[@]#/usr}" 2>/dev/null)
    while read -r pkg line; do
        version[$pkg]=$line
    done < <(dpkg-query -W -f='${Package} ${Version}\n' "${owner[@]}" 2>/dev/null)
    local i
    for i in "${!files[@]}"; do
        # dpkg knows some libraries by their path before /usr was merged.
        pkg=${owner[${paths[$i]}]:-${owner[${paths[$i]#/usr}]:-?}}
        echo "lib ${files[$i]} $pkg ${version[$pkg]:-?}"
    done
}
buildinfo > "$out/$name.buildinfo"
step "done: $bundle"
echo "commit      $commit$([ "$worktree" = 1 ] && echo ' + work tree')"
echo "archive     $(cut -d' ' -f1 "$out/$name.tar.gz.sha256")  $name.tar.gz"
echo "fingerprint $fingerprint"
