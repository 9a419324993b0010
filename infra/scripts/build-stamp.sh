# Sourced by run.sh and bench/run.sh: whether the sources changed since the last build.
# The jars cannot tell (reproducible builds give them a fixed timestamp), so a build writes a stamp: the
# name, size and modification time of every source file. Any file added, removed, edited or put back
# with an older time changes it; target/ and node_modules/ are not sources.
commonhold_sources() {
  find "$@" -name target -prune -o -name node_modules -prune -o -type f -printf '%p %s %T@\n' | LC_ALL=C sort | cksum
}

# commonhold_needs_build STAMP PATH…: true when STAMP is missing or the sources under PATH… differ from it.
commonhold_needs_build() {
  local stamp=$1
  shift
  [ ! -f "$stamp" ] || [ "$(commonhold_sources "$@")" != "$(cat "$stamp")" ]
}

# commonhold_built STAMP PATH…: records the sources a build has just been made from.
commonhold_built() {
  local stamp=$1
  shift
  commonhold_sources "$@" > "$stamp"
}
