package org.civicpulse.dashboard;

import java.util.regex.Pattern;

/**
 * Removes house numbers from a point's address for viewers: a wall screen is seen by visitors, so
 * it names the alley or compound but not the door (e.g. 东四十条胡同12号 → 东四十条胡同).
 */
public final class HouseNumbers {
    // A number (Arabic or Chinese, ranges and sub-numbers included) followed by 号 and whatever
    // comes after (号院, 号楼, 单元, 室): everything from the number on is the door.
    private static final Pattern DOOR = Pattern.compile(
            "[0-9０-９一二三四五六七八九十百零甲乙丙丁\\-－—~至]+\\s*(号|號).*$");
    // Bare trailing numbers (附12, 12-3) are doors too.
    private static final Pattern TRAILING_NUMBER = Pattern.compile("[\\s附]*[0-9０-９][0-9０-９\\-－]*$");

    private HouseNumbers() {
    }

    /** The address without its house number; cells ({@code cell:lat,lon}) and null pass as they are. */
    public static String strip(String address) {
        if (address == null || address.startsWith("cell:")) {
            return address;
        }
        String street = DOOR.matcher(address).replaceFirst("");
        return TRAILING_NUMBER.matcher(street).replaceFirst("").trim();
    }
}
