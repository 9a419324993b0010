package dev.commonhold.community.membership.app;

import dev.commonhold.community.membership.domain.AccountClaims;

/** Port: the users' accounts at the identity provider (Keycloak), as far as the register decides them. */
public interface Accounts {

    enum Outcome { APPLIED, UNCHANGED, NO_SUCH_USER }

    /**
     * Sets the login's {@code communities} attribute and its {@code resident} and {@code committee}
     * realm roles to what the register says; leaves everything else of the account alone.
     *
     * @throws AccountsUnavailable when the identity provider cannot be reached or refuses; the caller retries later
     */
    Outcome apply(String userId, AccountClaims claims);

    class AccountsUnavailable extends RuntimeException {
        public AccountsUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
