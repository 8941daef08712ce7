package org.civicpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.civicpulse.contract.Catalogue.Category;
import org.civicpulse.contract.Catalogue.District;
import org.civicpulse.contract.Catalogue.Street;
import org.junit.jupiter.api.Test;

class CatalogueTest {
    private static final Catalogue CATALOGUE = Catalogue.load();

    @Test
    void shouldListSixteenDistrictsInCodeOrder() {
        assertThat(CATALOGUE.districts()).extracting(District::code).containsExactly(
                "110101", "110102", "110105", "110106", "110107", "110108", "110109", "110111",
                "110112", "110113", "110114", "110115", "110116", "110117", "110118", "110119");
    }

    @Test
    void shouldFindDistrictByCode() {
        District dongcheng = CATALOGUE.district("110101").orElseThrow();

        assertThat(dongcheng.nameZh()).isEqualTo("东城区");
        assertThat(dongcheng.nameEn()).isEqualTo("Dongcheng");
        // 70.9 (10,000 persons) in the CSV.
        assertThat(dongcheng.population()).isEqualTo(709_000);
        assertThat(dongcheng.lat()).isEqualTo(39.918);
        assertThat(dongcheng.lon()).isEqualTo(116.417);
        assertThat(CATALOGUE.district("110100")).isEmpty();
        assertThat(CATALOGUE.district(null)).isEmpty();
    }

    @Test
    void shouldSumPopulationsToTheCensusTotal() {
        long total = CATALOGUE.districts().stream().mapToLong(District::population).sum();

        // Each CSV figure is rounded to 1,000 persons, so 16 of them can drift by 8,000.
        assertThat(total).isCloseTo(21_893_095L, within(8_000L));
    }

    @Test
    void shouldHold343OfficialStreetsAndTownsPlusSixStatisticalZones() {
        assertThat(CATALOGUE.streets()).filteredOn(Street::in343).hasSize(343);
        assertThat(CATALOGUE.streets()).hasSize(349);
        assertThat(CATALOGUE.districts())
                .allSatisfy(d -> assertThat(CATALOGUE.streets(d.code())).isNotEmpty());
    }

    @Test
    void shouldFindStreetOnlyInItsOwnDistrict() {
        Street donghuamen = CATALOGUE.street("110101", "东华门街道").orElseThrow();

        assertThat(donghuamen.code()).isEqualTo("110101001");
        assertThat(donghuamen.in343()).isTrue();
        assertThat(donghuamen.lat()).isEqualTo(39.916);
        assertThat(CATALOGUE.street("110102", "东华门街道")).isEmpty();
        assertThat(CATALOGUE.streets("110101")).hasSize(17).first().isEqualTo(donghuamen);
        assertThat(CATALOGUE.streets("999999")).isEmpty();
    }

    @Test
    void shouldFindStreetNamesThatRecurInTwoDistricts() {
        assertThat(CATALOGUE.streetsNamed("八里庄街道")).extracting(Street::districtCode)
                .containsExactlyInAnyOrder("110105", "110108");
        assertThat(CATALOGUE.streetsNamed("幸福大街街道")).isEmpty();
    }

    @Test
    void shouldMarkStatisticalZonesAsOutsideThe343() {
        Street zone = CATALOGUE.street("110115", "北京经济技术开发区").orElseThrow();

        assertThat(zone.code()).isEqualTo("110115403");
        assertThat(zone.in343()).isFalse();
    }

    @Test
    void shouldHold29Categories() {
        assertThat(CATALOGUE.categories()).hasSize(29);
        assertThat(CATALOGUE.categories().get(0).code()).isEqualTo("GARBAGE_SORTING");
    }

    @Test
    void shouldReadCategoryIncludingQuotedFieldsWithCommas() {
        Category parking = CATALOGUE.category("ILLEGAL_PARKING_MOTOR").orElseThrow();
        Category sorting = CATALOGUE.category("GARBAGE_SORTING").orElseThrow();

        assertThat(parking).isEqualTo(new Category("ILLEGAL_PARKING_MOTOR", "机动车乱停乱放",
                "Illegal motor-vehicle parking", "街面秩序", "normal", true, true));
        assertThat(sorting.nameEn())
                .isEqualTo("Waste sorting (bins, sorting stations, mixed disposal)");
        assertThat(CATALOGUE.category("HEATING").orElseThrow().urgencyDefault())
                .isEqualTo("urgent-if-no-heat");
        assertThat(CATALOGUE.category("NOISE").orElseThrow().gridProactive()).isFalse();
        assertThat(CATALOGUE.category("PARKING")).isEmpty();
    }
}
