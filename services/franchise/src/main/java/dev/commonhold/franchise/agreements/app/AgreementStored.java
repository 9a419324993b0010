package dev.commonhold.franchise.agreements.app;

import dev.commonhold.franchise.agreements.domain.Agreement;

/** A version was recorded (first or amendment), published inside its transaction to those who check what came before it. */
public record AgreementStored(Agreement agreement) {
}
