#!/usr/bin/env bash
# Runs the offline-installation steps of installer/README.md LITERALLY (its
# ```sh blocks, extracted, each run with `bash -ev`):
#   the laptop  = a bare Debian 12 (debootstrap --variant=minbase bookworm),
#                 entered with `unshare --net` (no network: only `lo`);
#   the medium  = one folder, mounted at /media/usb on both machines;
#   the connected machine = this host (Debian 12 x86-64, network, apt sources).
# Then, beyond the README: ldd of Qt's platform plugins, bureau-app without a
# display, and bureau-app on a private Xvfb whose socket file is bound in
# (screenshot in WORK_DIR/bureau-app-on-laptop.png when xwd exists).
#
#   sudo bash tests/installer/offline_install_check.sh RELEASE_DIR [WORK_DIR]
#
# RELEASE_DIR holds bureau-<version>-linux-x86_64.tar.gz, .sha256 and
# .fingerprint (installer/build.sh --out). Needs root, debootstrap, unshare,
# Xvfb (optional). Takes a few minutes; prints the transcript on stdout.
set -euo pipefail

release=$(cd "$1" && pwd)
work=${2:-/var/tmp/bureau-offline-check}
readme=$(cd "$(dirname "$0")/../.." && pwd)/installer/README.md
laptop=$work/laptop
usb=$work/usb
mkdir -p "$work"

if [ ! -f "$work/base.tar" ]; then
    echo "debootstrap: a bare Debian 12 in $work/base (once)" >&2
    rm -rf "$work/base"
    debootstrap --variant=minbase bookworm "$work/base" http://deb.debian.org/debian >&2
    tar -C "$work/base" -cf "$work/base.tar" .
    rm -rf "$work/base"
fi
rm -rf "$laptop" "$usb"
mkdir -p "$laptop" "$usb"
tar -C "$laptop" -xf "$work/base.tar"
mkdir -p "$laptop/media/usb"

# The N-th ```sh block of the README's offline-installation section.
block() {
    python3 - "$readme" "$1" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
section = text[text.index("## Offline installation on the bureau's laptop"):]
blocks, inside, current = [], False, []
for line in section.split("\n"):
    if line.strip().startswith("```"):
        if inside:
            blocks.append("\n".join(current) + "\n")
            current = []
        inside = not inside
    elif inside:
        current.append(line[3:] if line.startswith("   ") else line)
sys.stdout.write(blocks[int(sys.argv[2])])
PY
}

banner() {
    echo "================================================================"
    echo "$1"
    echo "\$ $2"
    echo "----------------------------------------------------------------"
}

# The laptop: proc, sys, dev and a private /dev/shm as any booted system has,
# the medium, no network. Extra mounts and variables come as arguments.
laptop_shell() {  # script [extra mount source:target]... -- [VAR=value]...
    local script=$1
    shift
    unshare --net --mount --propagation private /bin/bash -c '
        set -e
        l=$1; u=$2; s=$3; shift 3
        mount -t proc proc "$l/proc"; mount -t sysfs sys "$l/sys"
        mount --rbind /dev "$l/dev"; mount -t tmpfs shm "$l/dev/shm"
        mount --bind "$u" "$l/media/usb"
        while [ "$1" != -- ]; do
            mkdir -p "$l${1#*:}"; mount --bind "${1%%:*}" "$l${1#*:}"; shift
        done
        shift
        echo "[network interfaces seen by the laptop: $(ls "$l/sys/class/net" | tr "\n" " ")]"
        exec chroot "$l" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@" \
            /bin/bash -ev -c "$s"
    ' laptop "$laptop" "$usb" "$script" "$@"
}

on_laptop() {
    banner "LAPTOP (bare Debian 12 chroot, network cut): README block $1" \
        "unshare --net --mount chroot $laptop /bin/bash -ev"
    laptop_shell "$(block "$1")" --
}

on_connected() {
    banner "CONNECTED MACHINE (this Debian 12 host), in $release: README block $1" \
        "(cd $release && bash -ev)"
    unshare --mount --propagation private /bin/bash -c '
        set -e
        mkdir -p /media/usb; mount --bind "$1" /media/usb
        cd "$2"; exec /bin/bash -ev -c "$3"
    ' connected "$usb" "$release" "$(block "$1")"
}

date -u
on_laptop 0     # the laptop's package list onto the medium
on_connected 1  # the release and the Debian packages the laptop lacks
on_laptop 2     # check, install, unpack, fingerprints
on_laptop 3     # bureau demo, bureau verify
echo "================================================================"
echo "ALL README STEPS SUCCEEDED"
date -u

command -v Xvfb >/dev/null || { echo "(no Xvfb: GUI checks not run)"; exit 0; }
checks='
cd /opt/bureau/bureau-*-linux-x86_64
echo "-- libraries of Qt platform plugins xcb and offscreen not found:"
LD_LIBRARY_PATH=$PWD/_internal:$PWD/_internal/PySide6/Qt/lib \
    ldd _internal/PySide6/Qt/plugins/platforms/libqxcb.so \
        _internal/PySide6/Qt/plugins/platforms/libqoffscreen.so | grep "not found" || echo "   none"
echo "-- bureau-app, no display:"
bureau-app || echo "exit $?"
echo "-- bureau-app on the X server ($XD), 20 s:"
DISPLAY=$XD timeout 20 bureau-app --store /tmp/bureau-gui-store || echo "exit $? (124: still running after 20 s, stopped by timeout)"
'
display=77
while [ -e "/tmp/.X11-unix/X$display" ]; do display=$((display + 1)); done
Xvfb ":$display" -nolisten tcp -screen 0 1280x800x24 >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X$display" ] && break; sleep 0.2; done
banner "LAPTOP, checks beyond the README (Xvfb :$display on this host, socket file bound in)" \
    "unshare --net --mount chroot $laptop /bin/bash -ev"
# xwd's 24- or 32-bit ZPixmap as a PNG, with the standard library only.
xwd_to_png() {
    python3 -c '
import struct, sys, zlib
data = sys.stdin.buffer.read()
h = struct.unpack(">25I", data[:100])
size, width, height, order, bpp, stride, ncolors = h[0], h[4], h[5], h[7], h[11], h[12], h[19]
step = bpp // 8
assert step in (3, 4), bpp
pixels = data[size + 12 * ncolors:]
b, g, r = (0, 1, 2) if order == 0 else (step - 1, step - 2, step - 3)
rows = b"".join(
    b"\0" + bytes(c for x in range(width) for c in (
        pixels[y * stride + step * x + r], pixels[y * stride + step * x + g],
        pixels[y * stride + step * x + b]))
    for y in range(height))
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
'
}
if command -v xwd >/dev/null; then
    # What the laptop's screen shows while bureau-app runs.
    (sleep 15; xwd -root -silent -display ":$display" | xwd_to_png > "$work/bureau-app-on-laptop.png") &
    shot=$!
fi
laptop_shell "$checks" /tmp/.X11-unix:/tmp/.X11-unix -- "XD=:$display" || true
if [ -n "${shot:-}" ] && wait "$shot"; then
    echo "screenshot: $work/bureau-app-on-laptop.png"
fi
kill "$xvfb"
date -u
