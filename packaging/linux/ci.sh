#!/usr/bin/env bash
# CI's packaging step (issue 20), on a clean clone: builds the Linux frozen app in its own virtual environment from
# the pinned versions (packaging/constraints.txt) with the bundled fonts, runs packaging/smoke.sh against the built
# executables, builds the .deb and, as root (CI is), installs it with apt, runs `xiangyue --help` and removes it.
# Any failing step fails, and so does a frozen folder over XIANGYUE_MAX_MB (the issue's target, 180 MB).
#   bash packaging/linux/ci.sh          (about 3 minutes on 2 cores; .ci/setup --test installs what it needs)
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=build/packaging-venv
LIMIT=${XIANGYUE_MAX_MB:-180}
clock() { date +%s; }
start=$(clock)
[ -x "$VENV/bin/python" ] || "${PYTHON:-python3}" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q -c packaging/constraints.txt . pyinstaller
bash packaging/fetch_fonts.sh >/dev/null
installed=$(clock)
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN packaging/xiangyue.spec
built=$(clock)
size=$(du -sm dist/xiangyue | cut -f1)
echo "frozen app: dist/xiangyue ${size} MB, $(find dist/xiangyue -type f | wc -l) files;" \
  "build tools installed in $((installed - start)) s, built in $((built - installed)) s"
[ "$size" -le "$LIMIT" ] || { echo "FAILED: the frozen folder is ${size} MB, over ${LIMIT} MB" >&2; exit 1; }
deb=$(bash packaging/linux/build_deb.sh dist/xiangyue dist)
echo "$deb: $(du -m "$deb" | cut -f1) MB in $(( $(clock) - built )) s"
if [ "$(id -u)" -eq 0 ]; then
  bash packaging/smoke.sh dist/xiangyue "$deb"
else
  bash packaging/smoke.sh dist/xiangyue
  echo "not root: the .deb was built and not installed"
fi
echo "packaging checked in $(( $(clock) - start )) s"
