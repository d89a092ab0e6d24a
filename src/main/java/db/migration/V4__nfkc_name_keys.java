package db.migration;

import io.slotpoll.participant.Names;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes every participant's {@code name_key} with {@link Names#key}, which now folds
 * names in NFKC (before: NFC), so that names already stored count in the new uniqueness
 * rule. The key is SHA-256 of a Java normalisation, so SQL cannot compute it. Rows are
 * visited in creation order; if two names of one event now collide (for example "Bob" and
 * a fullwidth "Ｂｏｂ" that joined under the old rule), the earlier keeps the new key and
 * the later keeps its old one: no answer is lost, and no new name can take either.
 */
public final class V4__nfkc_name_keys extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V4__nfkc_name_keys.class);

    private record Row(long seq, String name) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Row> rows = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery("SELECT seq, name FROM participant ORDER BY seq")) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2)));
            }
        }
        int kept = 0;
        try (PreparedStatement update = connection.prepareStatement("UPDATE participant SET name_key = ? WHERE seq = ?")) {
            for (Row row : rows) {
                update.setBytes(1, Names.key(row.name()));
                update.setLong(2, row.seq());
                try {
                    update.executeUpdate();
                } catch (SQLIntegrityConstraintViolationException collision) {
                    kept++;
                }
            }
        }
        if (kept > 0) {
            LOG.warn("{} participant names collide with an earlier name of their event under NFKC folding; "
                    + "they keep their previous uniqueness key", kept);
        }
    }
}
