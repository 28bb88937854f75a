#!/bin/sh
# Starts bookdrop in its container, with the JVM options of BOOKDROP_JAVA_OPTS and, when
# BOOKDROP_JMX_PORT is set, remote JMX with a password. These options are bookdrop's own: another
# java command run in the container (docker compose exec bookdrop java -jar ... validate FILE)
# starts without them, where JAVA_TOOL_OPTIONS would give it the JMX port already taken.
set -eu

options="${BOOKDROP_JAVA_OPTS:-}"
if [ -n "${BOOKDROP_JMX_PORT:-}" ]; then
    if [ -z "${BOOKDROP_JMX_PASSWORD:-}" ]; then
        echo "bookdrop cannot start: BOOKDROP_JMX_PORT is set but BOOKDROP_JMX_PASSWORD is not; set both, or neither" >&2
        exit 1
    fi
    # The JVM reads a password file only when no one else can: written here, for whichever user
    # the container runs as, never kept in the image.
    # (In a subshell, so that bookdrop's own files keep the usual umask.)
    jmx=$(mktemp -d)
    (
        umask 077
        printf 'monitor %s\n' "$BOOKDROP_JMX_PASSWORD" > "$jmx/jmxremote.password"
        printf 'monitor readonly\n' > "$jmx/jmxremote.access"
    )
    options="$options -Dcom.sun.management.jmxremote.port=$BOOKDROP_JMX_PORT"
    # The port is the host's own with host networking: only this machine reaches it unless told otherwise.
    options="$options -Dcom.sun.management.jmxremote.host=${BOOKDROP_JMX_BIND:-127.0.0.1}"
    options="$options -Dcom.sun.management.jmxremote.rmi.port=$BOOKDROP_JMX_PORT"
    options="$options -Dcom.sun.management.jmxremote.authenticate=true"
    options="$options -Dcom.sun.management.jmxremote.password.file=$jmx/jmxremote.password"
    options="$options -Dcom.sun.management.jmxremote.access.file=$jmx/jmxremote.access"
    options="$options -Dcom.sun.management.jmxremote.ssl=false"
    options="$options -Djava.rmi.server.hostname=${BOOKDROP_JMX_HOST:-localhost}"
fi
# Word splitting of $options is wanted: one JVM option per word.
# shellcheck disable=SC2086
exec java $options -jar /opt/bookdrop/bookdrop.jar "$@"
