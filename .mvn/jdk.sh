# Sourced (POSIX sh) by ./mvnw and ./faultline: makes JAVA_HOME a JDK 21 or newer.
# Tycho 5 and the newest Eclipse platform bundles need Java 21, while these machines
# default to JDK 17 with a newer JDK installed beside it; so look for one before giving up.

faultline_jdk_major() {
  # The release file names the version without starting a JVM.
  _v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  [ -n "$_v" ] || _v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  echo "${_v:-0}"
}

faultline_find_jdk() {
  _need=21
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(faultline_jdk_major "$JAVA_HOME")" -ge "$_need" ]; then
    return 0
  fi
  _seen=""
  [ -n "${JAVA_HOME-}" ] && _seen="JAVA_HOME=$JAVA_HOME (Java $(faultline_jdk_major "$JAVA_HOME"))"
  _javac=$(command -v javac 2>/dev/null || true)
  if [ -n "$_javac" ]; then
    _home=$(dirname "$(dirname "$(readlink -f "$_javac")")")
    _major=$(faultline_jdk_major "$_home")
    if [ "$_major" -ge "$_need" ]; then JAVA_HOME=$_home; export JAVA_HOME; return 0; fi
    _seen="$_seen${_seen:+; }javac on PATH: $_home (Java $_major)"
  fi
  _best="" _best_major=0
  _globbing_was_off=no
  case $- in *f*) _globbing_was_off=yes; set +f ;; esac
  for _home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$_home/bin/javac" ] || continue
    _major=$(faultline_jdk_major "$_home")
    if [ "$_major" -gt "$_best_major" ]; then _best=$_home _best_major=$_major; fi
  done
  [ "$_globbing_was_off" = yes ] && set -f
  if [ "$_best_major" -ge "$_need" ]; then JAVA_HOME=$_best; export JAVA_HOME; return 0; fi
  {
    echo "faultline: the build needs a JDK $_need or newer (Tycho 5 and the Eclipse platform require it), and none was found."
    [ -n "$_seen" ] && echo "  found only: $_seen"
    [ -n "$_best" ] && echo "  newest JDK under the usual folders: $_best (Java $_best_major)"
    echo "  looked in: JAVA_HOME, javac on PATH, /usr/lib/jvm, /usr/java, /opt/java, /opt/jdk*, ~/.sdkman, ~/.jdks"
    echo "  fix: install one (for example Debian's openjdk-21-jdk or Temurin 21+) or set JAVA_HOME to it."
  } >&2
  return 1
}

faultline_find_jdk || exit 1
# Maven's Guice warns on every start under Java 24+ about sun.misc.Unsafe; older JVMs reject the flag.
if [ "$(faultline_jdk_major "$JAVA_HOME")" -ge 24 ]; then
  case "${MAVEN_OPTS-}" in *sun-misc-unsafe*) ;; *) MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;; esac
fi
