#!/usr/bin/env bash
# Copies the fonts the frozen app bundles, with their licences, from Debian's packages into packaging/fonts/:
#   霞鹜文楷 LXGW WenKai Regular (fonts-lxgw-wenkai, SIL Open Font License 1.1)  — 楷体 for signatures and headings
#   文泉驿微米黑 WenQuanYi Micro Hei (fonts-wqy-microhei, Apache-2.0)             — 黑体 for headings, GBK complete
# Both have TrueType outlines, which reportlab can embed (Noto CJK's CFF outlines it cannot). A PC's own 仿宋/宋体
# still come first (printing/core/fonts.py); these make PDFs the same on a PC or Kylin install without them.
set -euo pipefail
cd "$(dirname "$0")"
out=fonts
mkdir -p "$out"
need() { [ -f "$1" ] || { echo "missing $1: apt-get install $2" >&2; exit 1; }; }
need /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf fonts-lxgw-wenkai
need /usr/share/fonts/truetype/wqy/wqy-microhei.ttc fonts-wqy-microhei
cp /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf "$out/lxgwwenkai-regular.ttf"
cp /usr/share/fonts/truetype/wqy/wqy-microhei.ttc "$out/wqy-microhei.ttc"
cp /usr/share/doc/fonts-lxgw-wenkai/copyright "$out/LICENSE-LXGW-WenKai-OFL-1.1.txt"
cp /usr/share/doc/fonts-wqy-microhei/copyright "$out/LICENSE-WenQuanYi-Micro-Hei.txt"
cp /usr/share/common-licenses/Apache-2.0 "$out/LICENSE-Apache-2.0.txt"
ls -l "$out"
