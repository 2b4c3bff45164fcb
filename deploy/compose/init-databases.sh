#!/usr/bin/env bash
# PostgreSQL init script: one database and one owner role per service, passwords from the environment.
set -euo pipefail
for service in ingest moderation publish; do
  var="PARLEY_$(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  password="${!var:?$var must be set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE parley_${service} LOGIN PASSWORD '${password}';
CREATE DATABASE ${service} OWNER parley_${service};
SQL
done
