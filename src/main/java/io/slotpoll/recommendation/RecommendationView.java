package io.slotpoll.recommendation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The recommendations answer; {@code emptyReason} is null exactly when there are recommendations. */
public record RecommendationView(
        String eventId,
        long eventVersion,
        int durationMinutes,
        int slotStepMinutes,
        int participantCount,
        int candidatesEvaluated,
        List<Slot> recommendations,
        String emptyReason) {

    /** One ranked slot; the local twins appear only when the request named a time zone. */
    public record Slot(
            int rank,
            String start,
            String end,
            @JsonInclude(JsonInclude.Include.NON_NULL) String startLocal,
            @JsonInclude(JsonInclude.Include.NON_NULL) String endLocal,
            double score,
            int availableCount,
            int ifNeedBeCount,
            int unavailableCount,
            List<Person> available,
            List<Person> ifNeedBe,
            List<Person> unavailable,
            List<Person> requiredUnavailable) {
    }

    public record Person(String id, String name) {
    }
}
