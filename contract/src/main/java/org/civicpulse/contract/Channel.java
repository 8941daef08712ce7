package org.civicpulse.contract;

/** How a citizen reached the 12345 hotline. */
public enum Channel {
    PHONE,
    APP,
    WEB,
    WECHAT
}
