#!/bin/sh
# A database and a login role per service (database-per-service in compose; schema-per-service on the
# embedded local stack). Each service owns only its own data. The passwords come from the required
# <SERVICE>_DB_PASSWORD variables (docker-compose.yml), never from this file.
set -eu
for database in community billing trust_account maintenance_fund parking leasing commerce franchise; do
  variable="$(echo "$database" | tr 'a-z' 'A-Z')_DB_PASSWORD"
  password="$(printenv "$variable" || true)"
  if [ -z "$password" ]; then
    echo "$variable is required" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v name="$database" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
