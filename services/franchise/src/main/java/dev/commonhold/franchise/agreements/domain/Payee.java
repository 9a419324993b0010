package dev.commonhold.franchise.agreements.domain;

/** Who the revenue share is paid to: the owners' trust account of the community (T1), or a government account (pass-through). */
public enum Payee {
    OWNERS, GOVERNMENT
}
