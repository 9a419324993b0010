package dev.commonhold.fund.interest.app;

import dev.commonhold.fund.accounts.app.FundBooks;
import dev.commonhold.fund.accounts.app.SubAccounts;
import dev.commonhold.fund.accounts.domain.FundChart;
import dev.commonhold.fund.accounts.domain.Movement;
import dev.commonhold.fund.interest.domain.InterestPeriod;
import dev.commonhold.fund.register.CommunityCopy;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** A period's interest in one community's books (F2): one journal entry, one movement for each sub-account credited. */
@Component
class InterestPosting {

    private final FundBooks books;

    InterestPosting(FundBooks books) {
        this.books = books;
    }

    /**
     * @param parts fen for each of {@code units}, in the same order; a part of 0 credits nothing
     * @return the sub-accounts credited
     */
    int credit(CommunityCopy community, String source, InterestPeriod period, String bankReference, UUID[] units, long[] parts) {
        int credited = (int) java.util.Arrays.stream(parts).filter(p -> p != 0).count();
        UUID[] creditedUnits = new UUID[credited];
        long[] amounts = new long[credited];
        for (int i = 0, k = 0; i < parts.length; i++) {
            if (parts[i] != 0) {
                creditedUnits[k] = units[i];
                amounts[k++] = parts[i];
            }
        }
        String text = "利息分配 Interest %s–%s（%s）".formatted(period.from(), period.to(), bankReference);
        books.postBulk(community.id(), community.zone(), text, source, FundChart.BANK,
                new SubAccounts.Bulk(Movement.Kind.INTEREST, period.to(), creditedUnits, amounts));
        return credited;
    }
}
