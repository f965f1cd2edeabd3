#!/usr/bin/env bash
# Install the tools the deploy tests need, only those missing (`make tools` runs this).
#
# - kcat and docker-compose: Debian packages, installed (docker-compose without its
#   recommended docker.io: `docker-compose config` needs no engine).
# - promtool, amtool and prometheus-alertmanager (the server the forwarder's tests start on
#   a free port), unless already on the PATH: Debian's prometheus and prometheus-alertmanager
#   packages, downloaded and unpacked into $MUSTER_TOOLS_BIN rather than installed, because
#   installing them starts a Prometheus and an Alertmanager service; only the static binaries
#   are needed, with the notification templates that Debian's build reads from
#   /usr/share/prometheus/alertmanager (without them it refuses every configuration).
# - kustomize: bookworm has no package; built by `go install` from the Go module proxy at a
#   pinned version into $MUSTER_TOOLS_BIN.
set -euo pipefail

bin_dir=${MUSTER_TOOLS_BIN:?set MUSTER_TOOLS_BIN}
kustomize_version=${KUSTOMIZE_VERSION:?set KUSTOMIZE_VERSION}
mkdir -p "$bin_dir"

installed=()
unpacked=()
command -v kcat >/dev/null || installed+=(kcat)
command -v docker-compose >/dev/null || installed+=(docker-compose)
am_templates=/usr/share/prometheus/alertmanager
command -v promtool >/dev/null || [[ -x $bin_dir/promtool ]] || unpacked+=(prometheus)
{ { command -v amtool && command -v prometheus-alertmanager; } >/dev/null \
    || [[ -x $bin_dir/amtool && -x $bin_dir/prometheus-alertmanager ]]; } \
    && [[ -f $am_templates/default.tmpl ]] \
    || unpacked+=(prometheus-alertmanager)

if ((${#installed[@]} + ${#unpacked[@]})); then
    echo "tools: apt-get update, then ${installed[*]}${installed[*]:+ }${unpacked[*]}"
    apt-get update -qq
fi
if ((${#installed[@]})); then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${installed[@]}" >/dev/null
fi
if ((${#unpacked[@]})); then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    chmod 755 "$work"  # apt downloads as the _apt user
    (cd "$work" && apt-get download -qq "${unpacked[@]}" 2>/dev/null)
    for deb in "$work"/*.deb; do
        dpkg-deb -x "$deb" "$work/root"
    done
    for tool in promtool amtool prometheus-alertmanager; do
        [[ -x $work/root/usr/bin/$tool ]] && install -m 755 "$work/root/usr/bin/$tool" "$bin_dir/"
    done
    for template in "$work/root$am_templates"/*.tmpl; do
        if [[ -f $template ]]; then install -D -m 644 "$template" "$am_templates/${template##*/}"; fi
    done
fi

if [[ $("$bin_dir/kustomize" version 2>/dev/null) != "$kustomize_version" ]]; then
    echo "tools: go install kustomize $kustomize_version"
    GOTOOLCHAIN=local GOBIN=$bin_dir go install "sigs.k8s.io/kustomize/kustomize/v5@$kustomize_version"
fi
