package dev.commonhold.fund.accounts.app;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.commonhold.fund.accounts.domain.FundChart;
import dev.commonhold.fund.accounts.domain.Movement;
import dev.commonhold.fund.accounts.domain.OpeningBalanceSheet;
import dev.commonhold.fund.accounts.domain.SubAccount;
import dev.commonhold.fund.register.CommunityCopy;
import dev.commonhold.fund.register.FundAccess;
import dev.commonhold.fund.register.Register;
import dev.commonhold.fund.register.UnitCopy;
import dev.commonhold.platform.documents.SpreadsheetRejected;
import dev.commonhold.platform.documents.SpreadsheetText;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Taking over a fund that existed before (接管): the operator admin imports each unit's balance as
 * the previous holder's records state it on one day, all or nothing, once per unit. Units then
 * below 30% of their initial deposit are demanded a top-up at once (F3).
 */
@Service
public class OpeningBalances {

    public record Imported(int units, long totalFen, int topUpsDemanded) {
    }

    private final FundAccess access;
    private final Register register;
    private final SubAccounts subAccounts;
    private final FundBooks books;
    private final Deposits deposits;

    OpeningBalances(FundAccess access, Register register, SubAccounts subAccounts, FundBooks books, Deposits deposits) {
        this.access = access;
        this.register = register;
        this.subAccounts = subAccounts;
        this.books = books;
        this.deposits = deposits;
    }

    /** @param asOf the day the balances are stated for: the value date of every opening movement */
    @Transactional
    public Imported importSheet(Viewer viewer, java.util.UUID communityId, byte[] file, Charset declared, LocalDate asOf) {
        CommunityCopy community = access.adminOf(viewer, communityId);
        List<CsvRecord> records = SpreadsheetText.records(file, declared);
        if (records.isEmpty()) {
            throw SpreadsheetRejected.of(null, null, "the file is empty");
        }
        SpreadsheetRejected.Collector problems = new SpreadsheetRejected.Collector();
        List<OpeningBalanceSheet.Line> lines = OpeningBalanceSheet.read(records.getFirst().getFields(), records.subList(1, records.size()).stream()
                .map(r -> Map.entry((int) r.getStartingLineNumber(), r.getFields())).toList(), problems);
        Map<String, UnitCopy> units = register.units(communityId, subAccounts.ofCommunity(communityId).stream().map(SubAccount::unitId).toList())
                .stream().collect(Collectors.toMap(UnitCopy::reference, Function.identity(), (a, b) -> a));
        List<Movement> movements = new ArrayList<>();
        for (OpeningBalanceSheet.Line line : lines) {
            UnitCopy unit = units.get(line.reference());
            SubAccount account = unit == null ? null : subAccounts.lock(unit.id()).orElse(null);
            if (account == null) {
                problems.add(new SpreadsheetRejected.Problem(line.row(), "unit", line.reference(), "no such unit in this community's register"));
            } else if (account.depositState() != SubAccount.DepositState.DUE || !subAccounts.movements(unit.id()).isEmpty()) {
                problems.add(new SpreadsheetRejected.Problem(line.row(), "unit", line.reference(),
                        "already has a balance here (" + account.depositState().name().toLowerCase() + "): an opening balance is taken once"));
            } else if (line.balanceFen() != null && line.balanceFen() > 0) {
                movements.add(new Movement(Ids.newId(), unit.id(), Movement.Kind.OPENING, line.balanceFen(), asOf,
                        "接管期初余额 Opening balance taken over, as of " + asOf, "opening:" + asOf));
            }
        }
        problems.throwIfAny();
        long total = movements.stream().mapToLong(Movement::amountFen).sum();
        if (total > 0) {
            books.post(communityId, community.zone(), "接管维修资金期初余额 Opening balances taken over (" + lines.size() + " units, as of " + asOf + ")",
                    "opening-balances:" + sha256(file), FundChart.BANK, movements);
        }
        int topUps = 0;
        for (OpeningBalanceSheet.Line line : lines) {
            UnitCopy unit = units.get(line.reference());
            subAccounts.imported(unit.id(), line.initialDepositFen());
            topUps += deposits.checkTopUp(community, unit.id()) ? 1 : 0;
        }
        return new Imported(lines.size(), total, topUps);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
