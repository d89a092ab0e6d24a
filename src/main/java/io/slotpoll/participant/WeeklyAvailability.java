package io.slotpoll.participant;

import io.slotpoll.algorithm.Preference;
import io.slotpoll.time.WeeklyWindow;

/** A weekly poll's answer as the participant wrote it, in their own zone: a weekly window and its preference. */
public record WeeklyAvailability(WeeklyWindow window, Preference preference) {
}
