#!/usr/bin/env bash
# Puts prometheus and promtool 2.53.3 (built with Kubernetes service discovery) and amtool 0.28.1
# into .tools/prometheus/bin, from Debian trixie's packages, without touching the system's apt setup.
# Bookworm's own prometheus (2.42) lacks Kubernetes service discovery, hence trixie.
# Idempotent: prints the bin folder and exits at once when the tools are already there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=${PROMETHEUS_TOOLS_DIR:-$root/.tools/prometheus}
bin=$dest/bin
if [ -x "$bin/prometheus" ] && [ -x "$bin/promtool" ] && [ -x "$bin/amtool" ]; then
  echo "$bin"; exit 0
fi

# The Debian mirror this machine already uses (deb822 sources first, then the classic list).
mirror=$(sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n1 || true)
if [ -z "$mirror" ]; then
  mirror=$(awk '$1 == "deb" && $2 !~ /security/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
fi
[ -n "$mirror" ] || { echo "fetch-prometheus-tools: no Debian mirror in /etc/apt sources" >&2; exit 1; }

apt_dir=$dest/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial" "$apt_dir/cache" "$apt_dir/sources.d" "$apt_dir/debs" "$bin"
cat > "$apt_dir/sources.d/trixie.sources" <<SRC
Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
: > "$apt_dir/none.list"
apt_opts=(
  -o "Dir::Etc::sourcelist=$apt_dir/none.list"
  -o "Dir::Etc::sourceparts=$apt_dir/sources.d"
  -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::Cache=$apt_dir/cache"
  -o "Dir::Cache::archives=$apt_dir/archives"
  -o "APT::Sandbox::User=root"
)
apt-get "${apt_opts[@]}" -qq update >&2
(cd "$apt_dir/debs" && apt-get "${apt_opts[@]}" -qq download prometheus promtool prometheus-alertmanager >&2)
for deb in "$apt_dir"/debs/*.deb; do dpkg-deb -x "$deb" "$apt_dir/root"; done
for tool in prometheus promtool amtool; do
  ln -sf "$apt_dir/root/usr/bin/$tool" "$bin/$tool"
  "$bin/$tool" --version >/dev/null 2>&1 || { echo "fetch-prometheus-tools: $tool does not run" >&2; exit 1; }
done
echo "$bin"
