#!/usr/bin/env bash
# Create .venv-emulator (the smartcard-app-openpgp card emulator's own venv)
# from the hash-locked requirements. Idempotent: does nothing when the venv
# already holds exactly the locked versions.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/.venv-emulator"
lock="$here/requirements.lock"
stamp="$venv/.lock.sha256"
want="$(sha256sum "$lock" | cut -d' ' -f1)"
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "emulator venv up to date: $venv"
    exit 0
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --require-hashes --no-deps -r "$lock"
"$venv/bin/python" -c "import smartcard.app.openpgp, ZODB" 
echo "$want" > "$stamp"
echo "emulator venv ready: $venv"
