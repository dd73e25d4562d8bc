#!/usr/bin/env bash
# Builds the jdaos launcher (jdaos_launcher.c) and installs it under each daemon's and CLI's name in <out>/bin,
# so that the processes are daos_server, daos_engine, daos_agent, dmg and daos as in DAOS.
# usage: build-launcher.sh <jdaos_launcher.c> <out dir> <JDK home (has include/jni.h)>
set -euo pipefail
src="$1"; out="$2"; jdk="$3"
mkdir -p "$out/bin" "$out/lib/jdaos"
tmp="$out/bin/.jdaos-launcher.$$"
"${CC:-gcc}" -O2 -Wall -Wextra -Werror -o "$tmp" "$src" -I"$jdk/include" -I"$jdk/include/linux" -ldl -lpthread
for name in daos_server daos_engine daos_agent dmg daos; do
  cp -f "$tmp" "$out/bin/$name.$$" && mv -f "$out/bin/$name.$$" "$out/bin/$name"
done
rm -f "$tmp"
