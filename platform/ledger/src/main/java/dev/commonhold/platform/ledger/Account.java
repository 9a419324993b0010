package dev.commonhold.platform.ledger;

/**
 * An account of a ledger's chart of accounts (科目).
 *
 * @param code short, stable and unique in the ledger (e.g. {@code 1002}); postings name it
 * @param name as owners read it (e.g. 银行存款（共管账户）)
 */
public record Account(String code, String name, Type type) {

    /** What the account holds; assets and expenses carry debit balances, the rest credit balances. */
    public enum Type {
        ASSET, LIABILITY, EQUITY, INCOME, EXPENSE;

        public boolean debitNormal() {
            return this == ASSET || this == EXPENSE;
        }
    }

    public Account {
        if (code == null || !code.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new LedgerViolation("code", "an account code is 1 to 32 letters, digits, '.', '_' or '-', not " + code);
        }
        if (name == null || name.isBlank()) {
            throw new LedgerViolation("name", "account " + code + " needs a name");
        }
        if (type == null) {
            throw new LedgerViolation("type", "account " + code + " needs a type");
        }
    }
}
