#!/usr/bin/env bash
# Renders the app's PNG icons (public/icons/*.png, kept in the repository) from
# their SVG sources with headless Chromium. Re-run after changing an icon's SVG.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"

render() { # <svg> <size> <png>
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size="$2,$2" --screenshot="$PWD/$3" "file://$PWD/$1" 2>/dev/null
}

# The tab's icon as a PNG: a browser renders an SVG icon as a whole document on the
# page's main thread (5–25 ms in traces of the first load), a PNG it only decodes.
render public/icons/favicon.svg 32 public/icons/favicon-32.png
# Rounded corners where the platform shows the icon as drawn (install dialogs, desktop).
render public/icons/icon.svg 192 public/icons/icon-192.png
render public/icons/icon.svg 512 public/icons/icon-512.png
# Full bleed where the platform crops it: Android's maskable shapes (content inside the
# central 80% circle) and iOS's home screen, which rounds the corners itself.
render public/icons/icon-full-bleed.svg 512 public/icons/icon-maskable-512.png
render public/icons/icon-full-bleed.svg 180 public/icons/apple-touch-icon.png
