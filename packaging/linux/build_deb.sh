#!/usr/bin/env bash
# Builds the Debian package (Kylin, UOS, Debian, Ubuntu) from the frozen folder:
#   bash packaging/linux/build_deb.sh [dist/xiangyue] [output folder, default dist]
# Installs as /opt/xiangyue (the frozen folder), /usr/bin/xiangyue (the console executable, so `xiangyue --help`
# works in a terminal; with no command it opens the window), a desktop entry and the icon. No maintainer scripts:
# dpkg's triggers refresh the menu and icon caches, and `apt remove xiangyue` leaves nothing behind but the users'
# data in their home folders (~/.local/share/Xiangyue), which is theirs. gzip by default: xz is 15 % smaller but
# takes minutes (XIANGYUE_DEB_COMPRESSION=xz for a release).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
APP=$(cd "${1:-$ROOT/dist/xiangyue}" && pwd)
OUT=$(mkdir -p "${2:-$ROOT/dist}" && cd "${2:-$ROOT/dist}" && pwd)
VERSION=${XIANGYUE_VERSION:-$(grep -m1 '^version' "$ROOT/pyproject.toml" | cut -d'"' -f2)}
ARCH=$(dpkg --print-architecture)
[ -x "$APP/xiangyue" ] && [ -x "$APP/xiangyue-cli" ] || { echo "$APP is not a frozen build (xiangyue, xiangyue-cli)" >&2; exit 2; }
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" "$STAGE/usr/share/doc/xiangyue"
cp -a "$APP" "$STAGE/opt/xiangyue"
ln -s /opt/xiangyue/xiangyue-cli "$STAGE/usr/bin/xiangyue"
install -m 644 "$HERE/xiangyue.desktop" "$STAGE/usr/share/applications/xiangyue.desktop"
for size in 16 32 48 64 128 256; do
  install -D -m 644 "$ROOT/packaging/icons/xiangyue-$size.png" \
    "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/xiangyue.png"
done
if [ -d "$APP/_internal/resources/fonts" ]; then  # the bundled fonts' licences, where Debian looks for them
  cp "$APP"/_internal/resources/fonts/LICENSE-* "$STAGE/usr/share/doc/xiangyue/" 2>/dev/null || true
fi
# The C library the frozen Python was built against is the floor; the Qt libraries not bundled come from the system.
GLIBC=$(ldd --version | awk "NR == 1" | grep -oE '[0-9]+\.[0-9]+$')
SIZE=$(du -sk "$STAGE" | cut -f1)
cat >"$STAGE/DEBIAN/control" <<CONTROL
Package: xiangyue
Version: $VERSION
Section: misc
Priority: optional
Architecture: $ARCH
Installed-Size: $SIZE
Depends: libc6 (>= $GLIBC), libgl1, libegl1, libfontconfig1, libxkbcommon0, libxkbcommon-x11-0, libdbus-1-3,
 libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-randr0,
 libxcb-shape0, libxcb-xfixes0, libxcb-xkb1, libx11-xcb1
Maintainer: 乡约 <xiangyue@localhost>
Description: 乡约 — village office administration, offline
 乡约：离线的村务管理桌面程序（户籍花名册、村规民约九步工作法、会议记录、
 红黑榜、打印、U盘同步与乡镇审核）。数据保存在本机，不需要网络。
CONTROL
dpkg-deb --root-owner-group -Z"${XIANGYUE_DEB_COMPRESSION:-gzip}" --build "$STAGE" "$OUT/xiangyue_${VERSION}_${ARCH}.deb" >/dev/null
echo "$OUT/xiangyue_${VERSION}_${ARCH}.deb"
