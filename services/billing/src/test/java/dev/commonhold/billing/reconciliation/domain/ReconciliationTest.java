package dev.commonhold.billing.reconciliation.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule PY3: statements in the channels' layouts, read exactly, and matched against our payments. */
class ReconciliationTest {

    private static final List<Statements.Row> ROWS = List.of(
            new Statements.Row("4200000001", "a1", "134.25", false),
            new Statements.Row("4200000002", "a2", "0.01", false),
            new Statements.Row("4200000003", "a3", "1611.18", false),
            new Statements.Row("4200000001", "a1", "134.25", true));

    @Test
    void aWechatTradeBillIsReadByColumnNameWithBackticksAndCommasInsideFields() {
        List<StatementLine> lines = StatementFormat.WECHAT_PAY.parse(Statements.wechat(ROWS));
        assertThat(lines).extracting(StatementLine::transactionId).containsExactly("4200000001", "4200000002", "4200000003", "4200000001");
        assertThat(lines).extracting(StatementLine::amountFen).containsExactly(13_425L, 1L, 161_118L, 13_425L);
        assertThat(lines).extracting(StatementLine::refund).containsExactly(false, false, false, true);
        assertThat(lines.getFirst().row()).isEqualTo(2);
    }

    @Test
    void anAlipayBillInGbkIsReadTrimmedWithItsCommentLinesSkipped() {
        byte[] gbk = Statements.alipay(ROWS).getBytes(Charset.forName("GBK"));
        List<StatementLine> lines = StatementFormat.ALIPAY.parse(StatementText.decode(gbk, StatementFormat.ALIPAY, null));
        assertThat(lines).extracting(StatementLine::transactionId).containsExactly("4200000001", "4200000002", "4200000003", "4200000001");
        assertThat(lines).extracting(StatementLine::outTradeNo).containsExactly("a1", "a2", "a3", "a1");
        assertThat(lines.getLast().refund()).isTrue();
        assertThat(lines.getLast().amountFen()).isEqualTo(13_425);
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsRefusedNamingTheRowNotGuessedAt() {
        String text = Statements.wechat(ROWS).replaceFirst("`0.60%", "`0.60%,`0.10%");
        assertThatThrownBy(() -> StatementFormat.WECHAT_PAY.parse(text)).isInstanceOf(StatementRejected.class)
                .satisfies(e -> assertThat(((StatementRejected) e).problems()).anySatisfy(p -> {
                    assertThat(p.row()).isEqualTo(2);
                    assertThat(p.message()).isEqualTo("27 columns expected, 28 found");
                }));
    }

    @Test
    void anAmountWithAFractionOfAFenOrNoNumberIsRefusedNamingTheColumn() {
        String text = Statements.wechat(List.of(new Statements.Row("4200000009", "a9", "134.255", false)));
        assertThatThrownBy(() -> StatementFormat.WECHAT_PAY.parse(text)).isInstanceOf(StatementRejected.class)
                .satisfies(e -> assertThat(((StatementRejected) e).problems()).extracting(StatementRejected.Problem::column).contains("订单金额"));
    }

    @Test
    void aNegativeAmountOnAPaymentRowIsRefusedNotTurnedPositiveWhileARefundsMinusIsRead() {
        String negativePayment = Statements.wechat(List.of(new Statements.Row("4200000010", "a10", "-12345678.90", false)));
        assertThatThrownBy(() -> StatementFormat.WECHAT_PAY.parse(negativePayment)).isInstanceOf(StatementRejected.class)
                .satisfies(e -> assertThat(((StatementRejected) e).problems()).anySatisfy(p -> {
                    assertThat(p.row()).isEqualTo(2);
                    assertThat(p.message()).contains("negative");
                }));
        List<StatementLine> refund = StatementFormat.ALIPAY.parse(Statements.alipay(List.of(new Statements.Row("2026112922001", "a11", "0.01", true))));
        assertThat(refund).singleElement().satisfies(line -> {
            assertThat(line.amountFen()).isEqualTo(1);
            assertThat(line.refund()).isTrue();
        });
    }

    @Test
    void aBillCutShortBeforeItsSummaryIsRefused() {
        String text = Statements.wechat(ROWS);
        String cut = text.substring(0, text.indexOf("总交易单数"));
        assertThatThrownBy(() -> StatementFormat.WECHAT_PAY.parse(cut)).isInstanceOf(StatementRejected.class)
                .hasMessageContaining("1 problem");
    }

    @Test
    void bytesThatAreNotValidInTheCharsetAreRefusedNeverReplaced() {
        byte[] broken = Statements.wechat(ROWS).getBytes(StandardCharsets.UTF_8);
        broken[broken.length / 2] = (byte) 0xC3; // a lone lead byte
        broken[broken.length / 2 + 1] = (byte) 0x28;
        assertThatThrownBy(() -> StatementText.decode(broken, StatementFormat.WECHAT_PAY, null)).isInstanceOf(StatementRejected.class)
                .satisfies(e -> assertThat(((StatementRejected) e).problems().getFirst().message()).contains("not valid UTF-8"));
    }

    @Test
    void oneMissingOneExtraAndOneMismatchedPaymentAreExactlyTheThreeExceptions() {
        List<StatementLine> statement = List.of(line(2, "T1", 100), line(3, "T2", 200), line(4, "T3", 300), line(5, "T4", 400), line(6, "EXTRA", 500));
        List<OurPayment> ours = List.of(ours("T1", 100), ours("T2", 200), ours("T3", 301), ours("T4", 400), ours("OURS-ONLY", 600));
        Matching.Result result = Matching.match(statement, ours);
        assertThat(result.matched()).isEqualTo(3);
        assertThat(result.matchedFen()).isEqualTo(700);
        assertThat(result.exceptions()).extracting(Matching.Exception::kind, Matching.Exception::transactionId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Matching.Kind.AMOUNT_MISMATCH, "T3"),
                org.assertj.core.groups.Tuple.tuple(Matching.Kind.MISSING_IN_OUR_RECORDS, "EXTRA"),
                org.assertj.core.groups.Tuple.tuple(Matching.Kind.MISSING_IN_STATEMENT, "OURS-ONLY"));
    }

    @Test
    void aTransactionListedTwiceIsADuplicateAndRefundRowsAreCountedNotMatched() {
        List<StatementLine> statement = List.of(line(2, "T1", 100), line(3, "T1", 100), new StatementLine(4, "T1", "o", 100, true));
        Matching.Result result = Matching.match(statement, List.of(ours("T1", 100)));
        assertThat(result.matched()).isEqualTo(1);
        assertThat(result.refunds()).isEqualTo(1);
        assertThat(result.exceptions()).extracting(Matching.Exception::kind).containsExactly(Matching.Kind.DUPLICATE_IN_STATEMENT);
    }

    private static StatementLine line(int row, String id, long fen) {
        return new StatementLine(row, id, "o-" + id, fen, false);
    }

    private static OurPayment ours(String id, long fen) {
        return new OurPayment(UUID.randomUUID(), id, fen);
    }
}
