#!/usr/bin/env bash
# Lays out what the jdaos .deb installs, under <staging>, from a checkout built by `mvn package`:
#   /usr/bin/{daos_server,daos_engine,daos_agent,dmg,daos}   the native launcher under each program's name
#   /usr/lib/jdaos/<program>.launch                         its JVM options and main class (see jdaos_launcher.c)
#   /usr/lib/jdaos/lib/*.jar                                the modules and their runtime dependencies (a CLI: its
#                                                           <module>.cli.jar, class path merged into one jar)
#   /etc/daos/*.yml, /usr/lib/systemd/system/*.service, /usr/share/doc/jdaos/
# usage: stage.sh <checkout root> <staging dir>
set -euo pipefail
root="$1"; out="$2"
launcher="$root/native/target/launcher/bin"
if [ ! -x "$launcher/daos_engine" ]; then
  echo "stage.sh: $launcher/daos_engine is missing: the .deb needs the native launcher, which the build makes with gcc" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out/usr/bin" "$out/usr/lib/jdaos/lib" "$out/etc/daos" "$out/usr/lib/systemd/system" \
  "$out/usr/share/doc/jdaos"
libdir=/usr/lib/jdaos/lib
# %PREFIX% is the launcher's <dir>/.. (/usr once installed), so the tree also runs unpacked elsewhere. Netty's leak
# detector is off as in bin/jdaos-java; JDAOS_JAVA_OPTS=-Dio.netty.leakDetection.level=simple (read after the launch
# file) turns it back on.
common='--add-opens=java.base/java.nio=ALL-UNNAMED
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
-Djdaos.bin.dir=%PREFIX%/bin
-Dio.netty.leakDetection.level=disabled'
cli='-XX:TieredStopAtLevel=1
-XX:+UseSerialGC
-Xshare:auto
-Xlog:disable
-Xlog:all=error:stderr'
# program module main-class kind; every jar is copied once (one cp), the launch files name them under %PREFIX%.
jars=()
while read -r prog module main kind; do
  if [ "$kind" = cli ]; then
    # A CLI runs from the one jar its build merged its class path into (build-tools/CliJar.java, as bin/jdaos-java)
    files=("$root/$module/target/$module.cli.jar")
    if [ ! -f "${files[0]}" ]; then
      echo "stage.sh: ${files[0]} is missing: build the $module module with mvn -B -DskipTests package" >&2
      exit 1
    fi
  else
    jar=$(ls "$root/$module"/target/"$module"-*.jar | grep -v -- '-sources\|-tests' | head -n 1)
    IFS=: read -r -a deps <"$root/$module/target/classpath" || true  # no newline at its end
    files=("$jar" "${deps[@]}")
  fi
  jars+=("${files[@]}")
  names=("${files[@]##*/}")
  cp=$(IFS=:; echo "${names[*]/#/%PREFIX%/lib/jdaos/lib/}")
  { echo "# $prog: JVM options (one a line) and main class, read by /usr/bin/$prog"
    echo "-Djava.class.path=$cp"
    echo "$common"
    [ "$kind" = cli ] && echo "$cli"
    # as bin/dmg: a run allocates ~33 MB, a small young generation and transparent huge pages fault fewer pages in;
    # native method accessors spin no method-handle classes for picocli's reflective calls
    [ "$prog" = dmg ] && printf '%s\n' -Xmn8m -XX:+UseTransparentHugePages -Djdk.reflect.useNativeAccessorOnly=true
    echo "$main"; } >"$out/usr/lib/jdaos/$prog.launch"
  cp -f "$launcher/$prog" "$out/usr/bin/$prog"
done <<'LIST'
daos_server daos-server io.daos.server.DaosServerMain daemon
daos_engine daos-engine io.daos.engine.DaosEngineMain daemon
daos_agent daos-agent io.daos.agent.DaosAgentMain daemon
dmg dmg io.daos.dmg.DmgMain cli
daos libdaos io.daos.tool.DaosMain cli
LIST
# One file per name: the daemons share most of their dependencies, and one cp must not copy two files to one place.
printf '%s\n' "${jars[@]}" | awk -F/ '!seen[$NF]++' | xargs cp -f -t "$out$libdir/"
cp -f "$root"/config/daos_server.yml "$root"/config/daos_agent.yml "$root"/config/daos_control.yml "$out/etc/daos/"
cp -f "$root"/config/daos_server.service "$root"/config/daos_agent.service "$out/usr/lib/systemd/system/"
cp -f "$root"/docs/admin-guide.md "$root"/README.md "$out/usr/share/doc/jdaos/"
