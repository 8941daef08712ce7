package org.civicpulse.simulator;

import java.util.SplittableRandom;

/** Makes plausible Beijing point names: alleys (胡同, 巷), compounds (小区, 家园, 西里) and markets. */
final class PointNames {
    private static final String[] STEMS = {
        "椿树", "槐柏", "枣林", "柳荫", "杏园", "桃园", "梨园", "芳草", "百花", "翠微", "金台", "安华",
        "和平", "幸福", "光明", "团结", "建国", "永安", "长春", "育新", "红星", "新华", "友谊", "前进",
        "胜利", "民安", "兴华", "康乐", "福寿", "吉祥", "如意", "平安", "万寿", "天宁", "东升", "西坝",
        "南湖", "北湖", "青年", "锦绣", "富强", "丰收", "长青", "文化", "劳动", "育才", "双井", "三里",
        "四道", "五福", "六铺", "七星", "八角", "九龙", "大院", "小营", "石佛", "铁匠", "砖塔", "灯市",
        "花市", "菜市", "粮食", "官园", "银杏", "松林", "竹园", "荷花", "海棠", "紫藤", "玉兰", "丁香"};
    private static final String[] KINDS = {
        "胡同", "胡同", "胡同", "巷", "里", "小区", "小区", "小区", "家园", "西里", "北里", "南里", "东里",
        "路", "街", "市场", "公园", "广场", "苑", "花园", "新村", "社区"};

    private PointNames() {
    }

    /** A name such as 椿树胡同 or 安华西里. */
    static String name(SplittableRandom rng) {
        return STEMS[rng.nextInt(STEMS.length)] + KINDS[rng.nextInt(KINDS.length)];
    }

    /** An address of the point form {@code <street>·<name> N号}. */
    static String address(String street, String name, int number) {
        return street + "·" + name + " " + number + "号";
    }
}
