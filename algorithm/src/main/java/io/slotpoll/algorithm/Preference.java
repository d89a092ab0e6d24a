package io.slotpoll.algorithm;

/** How a participant marked a window: they can attend, or can attend only if need be. */
public enum Preference {
    YES,
    IF_NEED_BE
}
