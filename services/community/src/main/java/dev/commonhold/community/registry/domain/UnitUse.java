package dev.commonhold.community.registry.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** What an exclusive unit is registered for (规划用途). */
public enum UnitUse {
    RESIDENTIAL, COMMERCIAL, OFFICE, STORAGE, PARKING, OTHER;

    // Operators' spreadsheets use the Chinese terms as often as the English ones.
    private static final Map<String, UnitUse> CHINESE = Map.of(
            "住宅", RESIDENTIAL, "商业", COMMERCIAL, "商铺", COMMERCIAL, "办公", OFFICE,
            "储藏", STORAGE, "储藏室", STORAGE, "车位", PARKING, "其他", OTHER);

    public static UnitUse parse(String value) {
        String text = value == null ? "" : value.strip();
        if (CHINESE.containsKey(text)) {
            return CHINESE.get(text);
        }
        return Arrays.stream(values()).filter(u -> u.name().equals(text.toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new InvalidRegistryData("use", "'%s' is not one of %s (or 住宅, 商业, 办公, 储藏, 车位, 其他)"
                        .formatted(value, Arrays.toString(values()).toLowerCase(Locale.ROOT))));
    }
}
