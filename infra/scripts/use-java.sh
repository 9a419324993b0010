# Sourced by run.sh, test.sh and .ci/run: selects the one Java the build uses (25).
# Honours JAVA_HOME when it already is a JDK 25; otherwise looks in the usual places.
commonhold_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

commonhold_use_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/*25* /opt/java/openjdk; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if [ "$(commonhold_java_major "$candidate")" = "25" ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "Commonhold needs a JDK 25 (Temurin 25 recommended) and found none." >&2
  echo "Install one (e.g. apt-get install temurin-25-jdk) or point JAVA_HOME at it, then run this again." >&2
  return 1
}
