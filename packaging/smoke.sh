#!/usr/bin/env bash
# Smoke test of the frozen app: runs the built executables (not Python) on a fresh demo village.
#   bash packaging/smoke.sh [dist/xiangyue] [dist/xiangyue_0.1.0_amd64.deb]
# Checks: --help lists every command; demo; check; print notice with its fonts embedded; rules export to .docx;
# roster export to .xlsx; sync export from the demo village and import at its township; the GUI logs in and paints
# its main window, and starts offscreen and stays up 8 s; given a .deb (and run as root), it installs it with apt,
# runs `xiangyue --help` and removes it.
# Needs only bash, grep and coreutils (pdffonts is used when installed). Exit 0 = all passed.
set -euo pipefail
APP=$(cd "${1:-dist/xiangyue}" && pwd)
CLI="$APP/xiangyue-cli"
GUI="$APP/xiangyue"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export XIANGYUE_FONT_CACHE="$WORK/font-cache.json" HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config"
export XDG_DATA_HOME="$WORK/data" XDG_CACHE_HOME="$WORK/cache" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
VILLAGE="$WORK/demo/village.sqlite3"
TOWNSHIP="$VILLAGE.township-demo.sqlite3"
step() { printf '%-44s' "$1"; }
ok() { echo "ok${1:+ ($1)}"; }
fail() { echo "FAILED: $1" >&2; exit 1; }
start=$(date +%s)

step "--help lists every command"
help=$("$CLI" --help)
COMMANDS="grid contact care visit demo disclose finance key lists check backup restore matter project officer-log meeting
  points points-project goods print roster rules init stars sync township user"  # tests/packaging/test_smoke_script.py: every command of cli
for command in $COMMANDS; do
  grep -qE "^    $command( |$)" <<<"$help" || fail "--help does not list '$command'"
done
ok

step "the guide ships with its pictures"
[ -f "$APP/_internal/docs/guide/index.md" ] || fail "docs/guide/index.md is not in the frozen folder"
[ -f "$APP/_internal/docs/guide/images/registry.png" ] || fail "the guide's pictures are not in the frozen folder"
ok

step "demo on a fresh file"
"$CLI" --db "$VILLAGE" demo --households 20 --seed 5 >"$WORK/demo.txt" || fail "demo: $(cat "$WORK/demo.txt")"
[ -f "$TOWNSHIP" ] || fail "demo made no township database"
export XIANGYUE_USER=admin XIANGYUE_PASSWORD=demo1234  # every command but init and demo runs as an account
ok

step "the databases are encrypted at rest"
for file in "$VILLAGE" "$TOWNSHIP"; do
  ! head -c 15 "$file" | grep -q "SQLite format" || fail "$(basename "$file") is a plain SQLite file"
  [ -f "$file.keyring" ] || fail "$(basename "$file") has no keyring beside it"
done
ok

step "check (village and township)"
"$CLI" --db "$VILLAGE" check >/dev/null || fail "check of the village"
"$CLI" --db "$TOWNSHIP" check >/dev/null || fail "check of the township"
ok

step "print notice, fonts embedded"
printf '村民会议定于本月十五日召开。\n请各户派代表参加，张䶮、吉𠮷等同志负责签到。\n' >"$WORK/body.txt"
"$CLI" --db "$VILLAGE" print notice --title "关于召开村民会议的通知" --body-file "$WORK/body.txt" \
  --out "$WORK/notice.pdf" >/dev/null || fail "print notice"
head -c 5 "$WORK/notice.pdf" | grep -q "%PDF-" || fail "notice.pdf is not a PDF"
if command -v pdffonts >/dev/null; then
  fonts=$(pdffonts "$WORK/notice.pdf" | tail -n +3)
  [ -n "$fonts" ] || fail "the notice lists no font"
  ! awk '{print $(NF-4)}' <<<"$fonts" | grep -qx no || fail "a font is not embedded: $fonts"
  ok "$(awk '{print $1}' <<<"$fonts" | sed 's/^[A-Z]*+//' | sort -u | xargs)"
else
  grep -aq "/FontFile2" "$WORK/notice.pdf" || fail "the notice embeds no TrueType font"
  ok "FontFile2 present"
fi

step "print on a PC without Chinese fonts"
if [ -d "$APP/_internal/resources/fonts" ]; then  # only the bundled fonts: as on a bare Kylin or a PC without 仿宋
  XIANGYUE_FONT_DIRS="$APP/_internal/resources/fonts" XIANGYUE_FONT_CACHE="$WORK/bare-cache.json" \
    "$CLI" --db "$VILLAGE" print notice --title "通知" --body-file "$WORK/body.txt" --out "$WORK/bare.pdf" >/dev/null \
    || fail "print notice with the bundled fonts only"
  grep -aq "/FontFile2" "$WORK/bare.pdf" || fail "the bundled fonts were not embedded"
  ok "$(ls "$APP/_internal/resources/fonts" | grep -iE '\.tt[fc]$' | xargs)"
else
  echo "skipped (this build bundles no font)"
fi

step "rules export to .docx"
rulebook=$("$CLI" --db "$VILLAGE" --json rules list | grep -o '"id": "[^"]*"' | awk 'NR == 1' | cut -d'"' -f4)
[ -n "$rulebook" ] || fail "the demo has no rulebook"
"$CLI" --db "$VILLAGE" rules export "$rulebook" --out "$WORK/rules.docx" >/dev/null || fail "rules export"
head -c 2 "$WORK/rules.docx" | grep -q "PK" || fail "rules.docx is not a zip"
grep -aq "word/document.xml" "$WORK/rules.docx" || fail "rules.docx has no document"
ok

step "roster export to .xlsx"
"$CLI" --db "$VILLAGE" roster export "$WORK/roster.xlsx" >/dev/null || fail "roster export"
grep -aq "xl/worksheets/" "$WORK/roster.xlsx" || fail "roster.xlsx has no worksheet"
ok

step "sync: village exports, township imports"
mkdir -p "$WORK/stick"
"$CLI" --db "$VILLAGE" sync export --to "$WORK/stick" >/dev/null || fail "sync export"
bundle=$(find "$WORK/stick" -type f | awk 'NR == 1')
[ -n "$bundle" ] || fail "sync export wrote nothing"
"$CLI" --db "$TOWNSHIP" sync import "$bundle" >"$WORK/import.txt" || fail "sync import: $(cat "$WORK/import.txt")"
"$CLI" --db "$TOWNSHIP" check >/dev/null || fail "check of the township after the import"
ok "$(basename "$bundle")"

step "GUI logs in and shows the main window"
XIANGYUE_EXIT_AFTER_SHOWN=1 timeout 60 "$GUI" --db "$VILLAGE" >"$WORK/shown.txt" 2>&1 \
  || fail "the main window was not shown: $(cat "$WORK/shown.txt")"
ok

step "GUI starts offscreen and stays up 8 s"
set +e
timeout 8 "$GUI" --db "$VILLAGE" >"$WORK/gui.txt" 2>&1
code=$?
set -e
[ "$code" -eq 124 ] || fail "the GUI ended with code $code after less than 8 s: $(cat "$WORK/gui.txt")"
ok

if [ -n "${2:-}" ]; then
  step ".deb installs, runs and removes cleanly"
  [ "$(id -u)" -eq 0 ] || fail "installing the .deb needs root"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")" >/dev/null \
    || fail "apt-get install $2"
  /usr/bin/xiangyue --help | grep -qE "^    sync( |$)" || fail "the installed xiangyue --help lists no commands"
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq xiangyue >/dev/null || fail "apt-get remove xiangyue"
  [ ! -e /opt/xiangyue ] && [ ! -e /usr/bin/xiangyue ] || fail "apt-get remove left files behind"
  ok
fi

echo "all passed in $(( $(date +%s) - start )) s"
