package io.slotpoll.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import io.slotpoll.db.Database;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.http.JsonIo;
import io.slotpoll.problem.ProblemType;
import java.util.function.BooleanSupplier;

/**
 * Three checks with different jobs. {@code /health/live}: the process serves requests.
 * {@code /health/ready}: the database answers too (503 otherwise). {@code /health}: the
 * load balancer's check, 200 while this instance can serve, whatever the shared database
 * does; a database outage must not make the auto-scaling group replace every healthy
 * instance at once. Its body reports the database state. While the instance shuts down,
 * {@code /health} and {@code /health/ready} answer 503 so the load balancer drains it.
 */
public final class HealthHandler {

    private static final int DB_CHECK_SECONDS = 2;

    /** The body of a health answer. */
    public record Health(String status, @JsonInclude(JsonInclude.Include.NON_NULL) String database) {
    }

    private final Database database;
    private final JsonIo json;
    private final BooleanSupplier draining;

    public HealthHandler(Database database, JsonIo json, BooleanSupplier draining) {
        this.database = database;
        this.json = json;
        this.draining = draining;
    }

    public void live(Context ctx) {
        json.write(ctx, 200, new Health("up", null));
    }

    public void ready(Context ctx) {
        refuseWhileDraining();
        if (!database.isUp(DB_CHECK_SECONDS)) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "the database does not answer");
        }
        json.write(ctx, 200, new Health("up", "up"));
    }

    public void loadBalancer(Context ctx) {
        refuseWhileDraining();
        json.write(ctx, 200, new Health("up", database.isUp(DB_CHECK_SECONDS) ? "up" : "down"));
    }

    /** While the instance shuts down the load balancer must stop sending it requests. */
    private void refuseWhileDraining() {
        if (draining.getAsBoolean()) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "this instance is shutting down");
        }
    }
}
