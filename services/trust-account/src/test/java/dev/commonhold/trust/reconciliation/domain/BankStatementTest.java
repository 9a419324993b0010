package dev.commonhold.trust.reconciliation.domain;

import dev.commonhold.platform.documents.SpreadsheetRejected;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BankStatementTest {

    static List<BankLine> read(String... csvLines) {
        List<BankStatement.Row> rows = new ArrayList<>();
        for (int i = 1; i < csvLines.length; i++) {
            rows.add(new BankStatement.Row(i + 1, Arrays.asList(csvLines[i].split(",", -1))));
        }
        return BankStatement.read(Arrays.asList(csvLines[0].split(",", -1)), rows);
    }

    @Test
    void aChineseBankExportWithDebitAndCreditColumnsReadsAsSignedFen() {
        List<BankLine> lines = read("交易日期,摘要,借方发生额,贷方发生额,余额,流水号,对方户名",
                "2026-11-02,微信支付结算,,1234.56,11234.56,B001,财付通",
                "2026/11/03,手续费,2.00,,11232.56,B002,",
                "20261104,利息,,0.01,11232.57,B003,");

        assertThat(lines).extracting(BankLine::amountFen).containsExactly(123_456L, -200L, 1L);
        assertThat(lines.getFirst().balanceBeforeFen()).isEqualTo(1_000_000L);
        assertThat(lines.getFirst().counterparty()).isEqualTo("财付通");
        assertThat(lines.get(1).counterparty()).isNull();
        assertThat(lines.get(2).valueDate()).isEqualTo(LocalDate.of(2026, 11, 4));
    }

    @Test
    void aNewestFirstExportIsTurnedRoundAndASignedAmountColumnWorksToo() {
        List<BankLine> lines = read("date,description,amount,balance,reference",
                "2026-11-03,fee,-2.00,\"998.00\",R2".replace("\"", ""),
                "2026-11-01,deposit,\u00a5500.00,1000.00,R1".replace("\u00a5", "¥"));

        assertThat(lines).extracting(BankLine::reference).containsExactly("R1", "R2");
    }

    @Test
    void aLineLeftOutOfTheExportIsNamedByTheBalanceThatDoesNotFollow() {
        assertThatThrownBy(() -> read("交易日期,摘要,收入,支出,余额,流水号",
                "2026-11-01,a,100.00,,100.00,R1",
                "2026-11-02,b,50.00,,200.00,R2"))
                .isInstanceOf(SpreadsheetRejected.class)
                .satisfies(e -> assertThat(((SpreadsheetRejected) e).problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.row()).isEqualTo(3);
                            assertThat(p.value()).isEqualTo("200.00");
                            assertThat(p.column()).isEqualTo("余额");
                            assertThat(p.message()).contains("100.00 + 50.00 = 150.00", "missing");
                        }));
    }

    @Test
    void everyBadLineIsNamedAndNothingIsTaken() {
        assertThatThrownBy(() -> read("交易日期,摘要,收入,支出,余额,流水号",
                "2026-13-01,a,100.00,,100.00,R1",
                "2026-11-02,b,1.005,,101.00,R2",
                "2026-11-03,c,1.00,1.00,101.00,R3",
                "2026-11-04,d,,-1.00,100.00,R4",
                "2026-11-05,e,1.00,,101.00,",
                "2026-11-06,f,,,101.00,R6"))
                .isInstanceOf(SpreadsheetRejected.class)
                .satisfies(e -> assertThat(((SpreadsheetRejected) e).problems()).extracting(SpreadsheetRejected.Problem::row)
                        .containsExactly(2, 3, 4, 5, 6, 7));
    }

    @Test
    void aNewestFirstExportOfOneDayIsToldByWhichWayItsBalancesFollow() {
        List<BankLine> lines = read("交易日期,摘要,借方发生额,贷方发生额,余额,流水号",
                "2026-11-10,利息,,2.00,18935.56,S2",
                "2026-11-10,利息,,1.00,18933.56,S1");

        assertThat(lines).extracting(BankLine::reference).containsExactly("S1", "S2");
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a hang guard only: how fast it is belongs to bench/, not to a test (it took 7 s on a loaded CI machine)
    void aWhollyWrongFileIsAnsweredWithTheFirstHundredProblemsAndTheCount() {
        String[] file = new String[49_001];
        file[0] = "交易日期,收入,支出,余额,流水号";
        for (int i = 1; i < file.length; i++) {
            file[i] = "2026-99-99,1.00,,1.00,E" + i;
        }
        assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(SpreadsheetRejected.class, e -> {
            assertThat(e.count()).isEqualTo(49_000);
            assertThat(e.problems()).hasSize(SpreadsheetRejected.MAX_LISTED);
            assertThat(e.getMessage()).contains("and 48997 more problem(s)").hasSizeLessThan(1_000);
        });
    }

    @Test
    void twoLinesWithTheSameReferenceAndAMissingColumnAreRefused() {
        assertThatThrownBy(() -> read("交易日期,收入,支出,余额,流水号", "2026-11-01,1.00,,1.00,R1", "2026-11-02,1.00,,2.00,R1"))
                .hasMessageContaining("line 3 流水号: this reference appears twice");
        assertThatThrownBy(() -> read("交易日期,收入,余额,流水号", "2026-11-01,1.00,1.00,R1"))
                .hasMessageContaining("missing column(s) in and out");
        assertThatThrownBy(() -> read("交易日期,收入,支出,余额,流水号"))
                .hasMessageContaining("no lines");
    }

    @Test
    void amountsAreExactToTheFenAtTheLargestSizeABankPrints() {
        assertThat(read("交易日期,收入,支出,余额,流水号", "2026-11-01,\"99999999999999.99\",,99999999999999.99,R1".replace("\"", ""))
                .getFirst().amountFen()).isEqualTo(9_999_999_999_999_999L);
        assertThatThrownBy(() -> read("交易日期,收入,支出,余额,流水号", "2026-11-01,999999999999999.99,,1,R1"))
                .hasMessageContaining("收入: too large");
    }
}
