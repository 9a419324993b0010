package dev.commonhold.billing.documents.domain;

/**
 * An amount in fen written out in capital Chinese numerals (大写金额), as every Chinese receipt
 * carries it so that a figure cannot be altered: 13425 fen → 壹佰叁拾肆元贰角伍分; 100 fen → 壹元整.
 * Zeros follow the usual rules: one 零 for any run of zeros inside the number (壹仟零伍元), none at
 * the end of a group (壹万元), and 零 before fen when there are yuan but no jiao (壹元零伍分).
 */
public final class ChineseAmount {

    private static final String[] DIGITS = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};

    private ChineseAmount() {
    }

    public static String of(long fen) {
        if (fen < 0) {
            return "负" + of(-fen);
        }
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            out.append(integer(yuan)).append("元");
        }
        if (jiao == 0 && cents == 0) {
            return (yuan == 0 ? "零元" : out.toString()) + "整";
        }
        if (jiao > 0) {
            out.append(DIGITS[jiao]).append("角");
        } else if (yuan > 0) {
            out.append("零");
        }
        if (cents > 0) {
            out.append(DIGITS[cents]).append("分");
        }
        return out.toString();
    }

    private static String integer(long value) {
        StringBuilder out = new StringBuilder();
        boolean zeroPending = false;
        int groups = (int) Math.ceil(String.valueOf(value).length() / 4.0);
        for (int g = groups - 1; g >= 0; g--) {
            int group = (int) (value / pow10000(g) % 10_000);
            if (group == 0) {
                zeroPending = out.length() > 0;
                continue;
            }
            if (out.length() > 0 && (zeroPending || group < 1_000)) {
                out.append("零");
            }
            out.append(group(group)).append(GROUPS[g]);
            zeroPending = false;
        }
        return out.toString();
    }

    private static String group(int value) {
        StringBuilder out = new StringBuilder();
        boolean zeroPending = false;
        for (int place = 3; place >= 0; place--) {
            int digit = value / (int) Math.pow(10, place) % 10;
            if (digit == 0) {
                zeroPending = out.length() > 0;
            } else {
                if (zeroPending) {
                    out.append("零");
                    zeroPending = false;
                }
                out.append(DIGITS[digit]).append(PLACES[place]);
            }
        }
        return out.toString();
    }

    private static long pow10000(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10_000;
        }
        return result;
    }
}
