#!/usr/bin/env bash
# The `make run` path as a new user meets it: a venv with the runtime dependencies only
# (`pip install .`, no dev extras), every `make run` step but serving (the Makefile's
# run-steps, the same list `make run` runs) on a fresh store, then `osteon serve` in the
# background and its main pages. Every test venv has the dev extras, so only this catches
# a runtime import of a dev-only package. Fails loudly, naming the step that failed.
#
#   bash .ci/smoke_run.sh                      # what CI runs
#   OSTEON_SMOKE_VENV=/tmp/v bash .ci/smoke_run.sh   # reuse (or create) that venv: local reruns
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-$(command -v python3.11 2>/dev/null || command -v python3)}
work=$(mktemp -d "${TMPDIR:-/tmp}/osteon-smoke.XXXXXX")
venv=${OSTEON_SMOKE_VENV:-$work/venv}
server_pid=""
current="setting up"

cleanup() {
    local status=$?
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [ "$status" -ne 0 ]; then
        echo "SMOKE FAILED at step: $current (exit $status)" >&2
        [ -s "$work/serve.log" ] && { echo "--- osteon serve log:" >&2; tail -40 "$work/serve.log" >&2; }
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { current="$*"; echo "smoke: $current" >&2; }

step "runtime-only venv: pip install . (no extras) into $venv"
if [ ! -x "$venv/bin/osteon" ]; then
    "$PYTHON" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    # Built from a copy of the tracked and new files, as a fresh clone would hold them:
    # no build/ or egg-info is left in the working tree, and no stale one is used.
    mkdir "$work/src"
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files -z --cached --others --exclude-standard \
            | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$work/src"
    else
        tar --exclude=./.venv --exclude=./build --exclude='*.egg-info' -cf - . \
            | tar -xf - -C "$work/src"
    fi
    "$venv/bin/python" -m pip install --quiet "$work/src"
fi

# (pytest is no marker: medspacy_quickumls, a runtime dependency, requires it.)
step "the venv holds no package only the dev extra brings (ruff, playwright, rdflib)"
for dev in ruff playwright rdflib; do
    if "$venv/bin/python" -m pip show --quiet "$dev" >/dev/null 2>&1; then
        echo "smoke: $dev is installed: this venv is not runtime-only" >&2
        exit 1
    fi
done

export OSTEON_HOME="$work/home"
unset OSTEON_STORE

step "make run-steps (every make run step but serving) with OSTEON=$venv/bin/osteon"
make --no-print-directory run-steps OSTEON="$venv/bin/osteon"

step "osteon serve in the background"
port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$venv/bin/osteon" serve --port "$port" >"$work/serve.log" 2>&1 &
server_pid=$!

step "osteon serve answers on port $port"
"$venv/bin/python" - "$port" "$server_pid" <<'PY'
import os, sys, time, urllib.request
port, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 180
while True:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            if response.status == 200:
                break
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("osteon serve exited before answering")
    if time.monotonic() > deadline:
        sys.exit("osteon serve did not answer / within 180 s")
    time.sleep(0.5)
PY

for path in "/" "/ask?q=How+can+heterotopic+ossification+be+prevented%3F" \
            "/api/ask?q=How+can+heterotopic+ossification+be+prevented%3F" \
            "/cds-services" "/docs"; do
    step "GET $path answers 200"
    "$venv/bin/python" - "http://127.0.0.1:$port$path" <<'PY'
import sys, urllib.error, urllib.request
url = sys.argv[1]
try:
    with urllib.request.urlopen(url, timeout=60) as response:
        status, body = response.status, response.read()
except urllib.error.HTTPError as exc:
    status, body = exc.code, exc.read()
if status != 200 or not body:
    sys.exit(f"{url}: HTTP {status}, {len(body)} bytes: {body[:300]!r}")
PY
done

step "stopping the server"
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
current="done"
echo "smoke: the make run path works on a runtime-only install" >&2
