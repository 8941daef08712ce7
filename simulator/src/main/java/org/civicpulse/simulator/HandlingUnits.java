package org.civicpulse.simulator;

import java.util.SplittableRandom;
import org.civicpulse.contract.Source;

/**
 * To whom a case is dispatched (派单 to a 承办单位): the street office for street-level problems;
 * a city department, a district bureau or a utility company for heating, water, power, traffic
 * and the like (kpis.md §1).
 */
final class HandlingUnits {
    static final String HEATING_COMPANY = "市热力集团";
    static final String WATER_COMPANY = "市自来水集团";
    static final String DRAINAGE_COMPANY = "市排水集团";
    static final String POWER_COMPANY = "国网北京电力";
    static final String GAS_COMPANY = "北京燃气集团";

    private HandlingUnits() {
    }

    /**
     * The unit for a case of {@code category} in {@code district} on {@code street}; {@code office}
     * is the street's own office. GRID and INSPECTION cases mostly go to the street office, which
     * fixes what its own patrols find.
     */
    static String unitFor(Source source, String category, String districtName, String office,
            SplittableRandom rng) {
        double u = rng.nextDouble();
        if (source == Source.INSPECTION || (source == Source.GRID && u < 0.7)) {
            return office;
        }
        double v = rng.nextDouble();
        return switch (category) {
            case "HEATING" -> v < 0.7 ? HEATING_COMPANY : v < 0.8 ? districtName + "城市管理委员会" : office;
            case "UTILITY_OUTAGE" -> v < 0.4 ? WATER_COMPANY : v < 0.75 ? POWER_COMPANY : GAS_COMPANY;
            case "WATERLOGGING" -> v < 0.6 ? DRAINAGE_COMPANY : office;
            case "RED_LIGHT_WRONG_WAY" -> districtName + "交通支队";
            case "ILLEGAL_PARKING_MOTOR", "ZOMBIE_VEHICLE" -> v < 0.35 ? districtName + "交通支队" : office;
            case "PARKING_ORDER" -> v < 0.3 ? districtName + "交通委" : office;
            case "STREET_VENDING", "CATERING_FUMES", "ILLEGAL_CONSTRUCTION", "OUTDOOR_ADS_SIGNS" ->
                    v < 0.4 ? districtName + "城管执法局" : office;
            case "CONSTRUCTION_DISTURBANCE" ->
                    v < 0.5 ? districtName + "住建委" : v < 0.7 ? districtName + "城管执法局" : office;
            case "ROAD_DAMAGE" -> v < 0.3 ? "市政路桥集团" : v < 0.5 ? districtName + "交通委" : office;
            case "PUBLIC_FACILITY_DAMAGE", "GARBAGE_SORTING" ->
                    v < 0.3 ? districtName + "城市管理委员会" : office;
            case "GREENING" -> v < 0.4 ? districtName + "园林绿化局" : office;
            case "ILLEGAL_PARKING_NONMOTOR" -> v < 0.1 ? "美团单车" : v < 0.2 ? "哈啰出行" : v < 0.3 ? "青桔单车" : office;
            case "PROPERTY_MGMT" -> v < 0.2 ? districtName + "住建委" : office;
            case "NOISE" -> v < 0.3 ? districtName + "公安分局" : v < 0.4 ? districtName + "生态环境局" : office;
            case "UNCIVIL_DOG" -> v < 0.4 ? districtName + "公安分局" : office;
            // Unclear responsibility goes to the district government, which must accept it (兜底).
            case "OTHER" -> v < 0.3 ? districtName + "人民政府" : office;
            default -> office;
        };
    }
}
