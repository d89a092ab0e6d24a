# Sourced by the bench scripts: stop with a clear message unless `java` on the PATH is 21 or newer.
major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
if [ -z "$major" ] || [ "${major%%.*}" -lt 21 ]; then
  echo "$(basename "$0"): needs java >= 21 on the PATH (found ${major:-none}); set PATH to a JDK 21+ bin directory" >&2
  exit 1
fi
