package io.slotpoll.algorithm;

/** Why a ranking has no slots; checked in this order. */
public enum EmptyReason {
    /** The proposed windows hold no candidate of the meeting's length. */
    NO_CANDIDATES,
    /** There are candidates but nobody has answered, and minAttending dropped them all. */
    NO_PARTICIPANTS,
    /** Every candidate has fewer attending than minAttending. */
    BELOW_MIN_AVAILABLE
}
