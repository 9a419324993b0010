#!/usr/bin/env bash
# Writes the .env a server's docker-compose.yml requires, with fresh random secrets, and the
# integration's signing key (README, "Deploy on a server"). Run once per server, in the checkout:
#   infra/scripts/new-server-secrets.sh https://commonhold.example.cn
# It never overwrites: an existing .env means the server already has its secrets.
set -euo pipefail
public_url="${1:?usage: $0 https://<public name of the server>}"
target="${COMMONHOLD_SECRETS_DIR:-.}"
case "$public_url" in
  https://*) ;;
  *) echo "the public URL must start with https:// (got $public_url)" >&2; exit 2 ;;
esac
if [ -e "$target/.env" ]; then
  echo "$target/.env exists; remove it first if you really mean to replace every secret" >&2
  exit 1
fi
umask 077
random() { openssl rand -hex 24; }
mkdir -p "$target/secrets/machine"
# The integration's key (ES256): it keeps the private half and signs its token requests with it; Keycloak holds the certificate.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 825 -subj "/CN=commonhold-machine" \
  -keyout "$target/secrets/machine/private-key.pem" -out "$target/secrets/machine/certificate.pem" 2> /dev/null
certificate="$(openssl x509 -in "$target/secrets/machine/certificate.pem" -outform DER | base64 -w0)"
cat > "$target/.env" <<ENV
# Made by infra/scripts/new-server-secrets.sh on $(date -u +%Y-%m-%d). Keep it on this server only (git ignores it).
COMMONHOLD_PUBLIC_URL=$public_url
COMMONHOLD_OPERATOR_COMPANY=$(cat /proc/sys/kernel/random/uuid)
COMMONHOLD_GATEWAY_CLIENT_SECRET=$(random)
COMMONHOLD_GATE_CLIENT_SECRET=$(random)
COMMONHOLD_REGISTRY_CLIENT_SECRET=$(random)
COMMONHOLD_MACHINE_CERTIFICATE=$certificate
KEYCLOAK_ADMIN_USERNAME=keycloak-admin
KEYCLOAK_ADMIN_PASSWORD=$(random)
KEYCLOAK_DB_PASSWORD=$(random)
POSTGRES_PASSWORD=$(random)
COMMUNITY_DB_PASSWORD=$(random)
BILLING_DB_PASSWORD=$(random)
TRUST_ACCOUNT_DB_PASSWORD=$(random)
MAINTENANCE_FUND_DB_PASSWORD=$(random)
PARKING_DB_PASSWORD=$(random)
LEASING_DB_PASSWORD=$(random)
COMMERCE_DB_PASSWORD=$(random)
FRANCHISE_DB_PASSWORD=$(random)
KAFKA_CLUSTER_ID=$(openssl rand 16 | base64 | tr '+/' '-_' | tr -d '=')
KAFKA_ADMIN_PASSWORD=$(random)
KAFKA_PASSWORD_COMMUNITY=$(random)
KAFKA_PASSWORD_BILLING=$(random)
KAFKA_PASSWORD_TRUST_ACCOUNT=$(random)
KAFKA_PASSWORD_MAINTENANCE_FUND=$(random)
KAFKA_PASSWORD_PARKING=$(random)
KAFKA_PASSWORD_LEASING=$(random)
KAFKA_PASSWORD_COMMERCE=$(random)
KAFKA_PASSWORD_FRANCHISE=$(random)
ENV
echo "wrote $target/.env and the integration's key in $target/secrets/machine/"
echo "next: put the TLS certificate chain and key in $target/secrets/tls/fullchain.pem and privkey.pem"
