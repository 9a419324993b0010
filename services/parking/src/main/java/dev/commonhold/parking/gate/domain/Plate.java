package dev.commonhold.parking.gate.domain;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Chinese vehicle plate (号牌) as rule K5 knows it: a province character, the issuing office's
 * letter, then 5 characters (ordinary blue or yellow plates) or 6 (new-energy green plates).
 * Letters I and O never occur, so a camera's I or O after the office letter is read as 1 or 0.
 *
 * <p>New-energy plates (GA 36-2018, extended in 2022): on a small car the first of the six is a
 * letter marking the energy type (D, A, B, C, E pure electric; F, G, H, J, K not pure electric);
 * on a large vehicle the last of the six is D or F and the five before are digits.
 */
public record Plate(String text) {

    /** Province characters, plus 使 (embassy) which also opens a plate. */
    static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使";
    private static final String ALNUM = "[A-HJ-NP-Z0-9]";
    private static final Pattern ORDINARY = Pattern.compile("[" + PROVINCES + "][A-HJ-NP-Z]" + ALNUM + "{4}(?:" + ALNUM + "|[挂学警港澳领])");
    private static final Pattern NEW_ENERGY_SMALL = Pattern.compile("[" + PROVINCES + "][A-HJ-NP-Z][ABCDEFGHJK]" + ALNUM + "[0-9]{4}");
    private static final Pattern NEW_ENERGY_LARGE = Pattern.compile("[" + PROVINCES + "][A-HJ-NP-Z][0-9]{5}[DF]");
    private static final Set<Character> SEPARATORS = Set.of(' ', '·', '•', '-', '.', '\u3000', '\u30FB');

    public Plate {
        if (!isValid(text)) {
            throw new IllegalArgumentException("not a plate (K5): " + text);
        }
    }

    /**
     * What a camera or a person typed, made into a plate: separators and spaces dropped, upper
     * case, I and O after the office letter read as 1 and 0. Empty when it is still not a plate.
     */
    public static Optional<Plate> read(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        StringBuilder plate = new StringBuilder();
        for (char c : raw.strip().toCharArray()) {
            if (!SEPARATORS.contains(c)) {
                plate.append(Character.toUpperCase(c));
            }
        }
        for (int i = 2; i < plate.length(); i++) {
            char c = plate.charAt(i);
            plate.setCharAt(i, c == 'O' ? '0' : c == 'I' ? '1' : c);
        }
        String text = plate.toString();
        return isValid(text) ? Optional.of(new Plate(text)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        return text != null && (ORDINARY.matcher(text).matches() || NEW_ENERGY_SMALL.matcher(text).matches()
                || NEW_ENERGY_LARGE.matcher(text).matches());
    }

    /** Eight characters: a green new-energy plate. */
    public boolean newEnergy() {
        return text.length() == 8;
    }

    /** As printed on receipts and the gate display: 京A·12345. */
    public String display() {
        return text.substring(0, 2) + "·" + text.substring(2);
    }

    @Override
    public String toString() {
        return text;
    }
}
