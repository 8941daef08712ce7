package org.civicpulse.simulator;

/**
 * A point (点位): an alley, a compound or a market with its WGS-84 position.
 *
 * @param address e.g. 东华门街道·椿树胡同 12号
 * @param lat latitude, 5 decimals
 * @param lon longitude, 5 decimals
 */
record Point(String address, double lat, double lon) {
}
