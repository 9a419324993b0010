package dev.commonhold.devstack;

import java.util.List;
import java.util.Random;

/**
 * The demo community's register as an operator would upload it: six-storey buildings of ten flats
 * a floor (20 buildings: 1,200 units), shops on the ground floor of building 1, a few owners with
 * two flats, and flats on the top floor of the last two buildings the developer has not sold yet.
 * Deterministic, so every machine seeds the same; the benchmarks use larger ones.
 */
public final class DemoSpreadsheet {

    static final String RESIDENT_UNIT = "1号楼/201";
    static final String COMMITTEE_UNIT = "2号楼/301";
    /** The demo register's size: 20 buildings of 60 flats. */
    static final int UNITS = 20 * 60;

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
            "胡", "郭", "何", "高", "林", "罗");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
            "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "建国", "淑珍", "玉兰", "志强", "文", "斌");
    private static final String DEVELOPER = "北京劲松房地产开发有限公司";

    private DemoSpreadsheet() {
    }

    static String csv() {
        return csv(20);
    }

    /** A register of {@code buildings} × 60 units. */
    public static String csv(int buildings) {
        Random random = new Random(20261123);
        StringBuilder csv = new StringBuilder("楼栋,房号,楼层,专有面积,用途,业主编号,业主姓名,业主类型,联系电话\n");
        int owner = 0;
        String pairedRef = null;
        String pairedName = null;
        for (int building = 1; building <= buildings; building++) {
            for (int floor = 1; floor <= 6; floor++) {
                for (int flat = 1; flat <= 10; flat++) {
                    String unit = building + "号楼/" + (floor * 100 + flat);
                    boolean shop = building == 1 && floor == 1 && flat <= 4;
                    boolean unsold = building >= buildings - 1 && floor == 6 && flat <= 9;
                    String ref;
                    String name;
                    if (unsold) {
                        ref = "DEV";
                        name = DEVELOPER;
                    } else if (pairedRef != null) {
                        ref = pairedRef;
                        name = pairedName;
                        pairedRef = null;
                    } else {
                        ref = "JS-%04d".formatted(++owner);
                        name = nameFor(unit, random);
                        // about one owner in forty also owns the next flat
                        if (random.nextInt(40) == 0 && flat < 10 && !unit.equals(RESIDENT_UNIT) && !unit.equals(COMMITTEE_UNIT)) {
                            pairedRef = ref;
                            pairedName = name;
                        }
                    }
                    csv.append(building).append("号楼,").append(floor * 100 + flat).append(',').append(floor).append(',')
                            .append(area(shop, flat, random)).append(',').append(shop ? "商业" : "住宅").append(',')
                            .append(ref).append(',').append(name).append(',').append(unsold ? "建设单位" : "业主").append(',')
                            .append(unsold ? "" : "13" + (100_000_000 + random.nextInt(900_000_000))).append('\n');
                }
            }
        }
        return csv.toString();
    }

    /** The demo logins' own flats carry their names (Li Wei, Wang Fang in the realm). */
    private static String nameFor(String unit, Random random) {
        if (unit.equals(RESIDENT_UNIT)) {
            return "李伟";
        }
        if (unit.equals(COMMITTEE_UNIT)) {
            return "王芳";
        }
        return SURNAMES.get(random.nextInt(SURNAMES.size())) + GIVEN.get(random.nextInt(GIVEN.size()));
    }

    /** Old-community flats: end flats larger; shops small; always two decimals as registered. */
    private static String area(boolean shop, int flat, Random random) {
        int base = shop ? 35 : (flat == 1 || flat == 10) ? 78 : 52;
        int centi = base * 100 + random.nextInt(shop ? 2_500 : 2_200);
        return "%d.%02d".formatted(centi / 100, centi % 100);
    }
}
