#!/usr/bin/env bash
# Prints an access token for a demo login of the local stack: TOKEN=$(infra/devstack/token.sh resident)
# Demo passwords equal the usernames; pass another password as the second argument.
set -euo pipefail
user="${1:?usage: token.sh <username> [password]}"
password="${2:-$user}"
keycloak="${KEYCLOAK_URL:-http://localhost:${COMMONHOLD_KEYCLOAK_PORT:-8180}}"
answer=$(curl -s -d grant_type=password -d client_id=commonhold-cli --data-urlencode "username=$user" \
  --data-urlencode "password=$password" "$keycloak/realms/commonhold/protocol/openid-connect/token")
token=$(printf '%s' "$answer" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
if [ -z "$token" ]; then
  echo "No token for $user from $keycloak: $answer" >&2
  echo "Is ./run.sh running? Demo logins: resident committee operator staff regulator platform" >&2
  exit 1
fi
printf '%s\n' "$token"
