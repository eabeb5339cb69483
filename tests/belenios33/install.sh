#!/usr/bin/env bash
# Build .belenios33/, a Debian sid chroot holding belenios-tool 3.3 (the second
# protocol oracle, beside Debian 12's belenios-tool 2.0 on the host). Needs root
# and debootstrap. Idempotent: a stamp file records a finished build; a second
# run only checks it. An interrupted build is started again from scratch.
#   BELENIOS33_MIRROR=http://deb.debian.org/debian   (default)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${BELENIOS33_DIR:-$root/.belenios33}"
mirror="${BELENIOS33_MIRROR:-http://deb.debian.org/debian}"
stamp="$dir/.bureau-belenios33"

have="$(chroot "$dir" belenios-tool --version 2>/dev/null || true)"
case "$have" in
    3.*)
        # Built by an earlier run (or by hand with the same commands).
        [ -f "$stamp" ] || echo "$have" > "$stamp"
        mkdir -p "$dir/work"
        echo "belenios-tool 3.3 chroot up to date: $dir ($have)"
        exit 0 ;;
esac
if [ "$(id -u)" != 0 ]; then
    echo "belenios33: building the sid chroot needs root (debootstrap, chroot)." >&2
    exit 1
fi
if ! command -v debootstrap >/dev/null 2>&1; then
    echo "belenios33: debootstrap is missing: apt-get install debootstrap" >&2
    exit 1
fi

# A half-built tree (no stamp) is not trusted: start again.
for fs in proc dev/pts dev; do
    if mountpoint -q "$dir/$fs" 2>/dev/null; then umount "$dir/$fs"; fi
done
rm -rf "$dir"
echo "belenios33: debootstrap --variant=minbase sid $dir (about a minute)"
debootstrap --variant=minbase sid "$dir" "$mirror"

# Machines behind a TLS-inspecting proxy add its CA on the host: the chroot's
# apt (and anything else in it) must trust it too.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    mkdir -p "$dir/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$dir/usr/local/share/ca-certificates/"
    mkdir -p "$dir/etc/ssl/certs"
    if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
        cp /etc/ssl/certs/ca-certificates.crt "$dir/etc/ssl/certs/ca-certificates.crt"
    fi
fi
cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true

# The mirror's sid Release file may be past its Valid-Until date.
export DEBIAN_FRONTEND=noninteractive
chroot "$dir" apt-get -q -o Acquire::Check-Valid-Until=false update
chroot "$dir" apt-get -q -y -o Acquire::Check-Valid-Until=false \
    install --no-install-recommends belenios-tool
chroot "$dir" apt-get -q clean
version="$(chroot "$dir" belenios-tool --version)"
case "$version" in
    3.*) ;;
    *) echo "belenios33: expected belenios-tool 3.x in sid, got $version" >&2; exit 1 ;;
esac
mkdir -p "$dir/work"
echo "$version" > "$stamp"
echo "belenios-tool $version chroot ready: $dir"
