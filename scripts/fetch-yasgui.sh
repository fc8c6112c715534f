#!/usr/bin/env bash
# Fetches the YASGUI query editor (@zazuko/yasgui, MIT) from the npm registry at build time and puts its
# bundled, minified build where the server serves it (/editor/yasgui.min.js and .css): no CDN, nothing
# vendored in the repository. Maven runs this in generate-resources: fetch-yasgui.sh VERSION OUT_DIR CACHE_DIR.
# npm checks the package's integrity against the registry. The tarball is kept in CACHE_DIR, so a
# rebuild does not fetch it again. Without npm the editor page says YASGUI is missing (CI installs npm).
set -euo pipefail
version="$1"
out="$2"
cache="$3"
tgz="$cache/zazuko-yasgui-$version.tgz"
if [ -f "$out/yasgui.min.js" ] && [ -f "$out/yasgui.version" ] && [ "$(cat "$out/yasgui.version")" = "$version" ]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "warning: npm is not installed: the query editor (/editor/) will be served without YASGUI" >&2
  exit 0
fi
mkdir -p "$cache" "$out"
if [ ! -f "$tgz" ]; then
  (cd "$cache" && npm pack --silent "@zazuko/yasgui@$version" >/dev/null)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$tgz" -C "$tmp" package/build/yasgui.min.js package/build/yasgui.min.css package/package.json
cp "$tmp/package/build/yasgui.min.js" "$tmp/package/build/yasgui.min.css" "$out/"
echo "$version" > "$out/yasgui.version"
echo "YASGUI $version: $out"
