package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseNumbersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "东四十条胡同12号|东四十条胡同",
            "东华门街道·椿树胡同 12号|东华门街道·椿树胡同",
            "朝阳门内大街5号院3号楼2单元101室|朝阳门内大街",
            "西四北三条十二号|西四北三条",
            "安定门外大街甲2号|安定门外大街",
            "鼓楼西大街12-3号|鼓楼西大街",
            "学院路附12|学院路",
            "望京西园 12-3|望京西园",
            "东直门南大街|东直门南大街",
            "cell:39.9042,116.4074|cell:39.9042,116.4074",
            "NULL|NULL"})
    void shouldRemoveTheDoorButKeepTheStreetOrAlley(String address, String withoutDoor) {
        assertThat(HouseNumbers.strip(address)).isEqualTo(withoutDoor);
    }
}
