# Keycloak for a server: built once for PostgreSQL (start --optimized skips the build at every start),
# with the production realm (no users, no secrets: placeholders filled from the environment) and the
# password deny-list its policy names. Pinned by digest, like every image of docker-compose.yml.
FROM quay.io/keycloak/keycloak:26.7.3@sha256:ff4257d0d64efbe99ed1ddfaf07765cc3c36dc7518bf8324d41961327f441c54 AS build
ENV KC_DB=postgres KC_HEALTH_ENABLED=true KC_METRICS_ENABLED=true
RUN /opt/keycloak/bin/kc.sh build

FROM quay.io/keycloak/keycloak:26.7.3@sha256:ff4257d0d64efbe99ed1ddfaf07765cc3c36dc7518bf8324d41961327f441c54
COPY --from=build /opt/keycloak/lib/quarkus/ /opt/keycloak/lib/quarkus/
COPY infra/keycloak/production/commonhold-realm.json /opt/keycloak/data/import/commonhold-realm.json
COPY infra/keycloak/production/password-denylist.txt /opt/keycloak/data/password-blacklists/commonhold-denylist.txt
ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]
CMD ["start", "--optimized", "--import-realm"]
