package org.hotdesk.web.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.policy.LockoutPolicy;
import org.hotdesk.core.user.PinStrength;
import org.hotdesk.core.user.Pins;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserImportRow;

/**
 * The tenant's users as CSV. {@code pin} is only read: required for a new user, optional for an existing one
 * (empty = unchanged), and always written empty, since a PIN is never shown again.
 */
public final class UserCsv {
    static final List<String> COLUMNS = List.of("extension", "name", "hot_desk", "enabled", "pin");

    private final HotdeskCore core;

    public UserCsv(HotdeskCore core) {
        this.core = core;
    }

    public String export(long tenantId) {
        core.tenants().get(tenantId);
        CsvWriter csv = new CsvWriter(COLUMNS);
        for (User u : core.users().list(tenantId)) {
            csv.row(Arrays.asList(u.extension(), u.name(), Numbers.yesNo(u.hotDesk()), Numbers.yesNo(u.enabled()), null));
        }
        return csv.toString();
    }

    public ImportReport importCsv(long tenantId, String text, Actor actor) {
        LockoutPolicy guessing = core.tenants().get(tenantId).settings().lockout();
        CsvTable table = CsvTable.read(text, COLUMNS, List.of("extension"));
        CsvProblems problems = table.problems();
        Map<String, User> users = new HashMap<>();
        core.users().list(tenantId).forEach(u -> users.put(u.extension(), u));
        Map<String, Integer> firstLine = new HashMap<>();
        List<UserImportRow> rows = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            int line = row.line();
            if (problems.hasLine(line)) continue;
            String extension = problems.check(line, "extension", () -> Pins.requireExtension(row.get("extension")));
            User current = extension == null ? null : users.get(extension);
            if (extension != null) {
                Integer first = firstLine.putIfAbsent(extension, line);
                if (first != null) problems.add(line, "extension", "extension " + extension + " is already on line " + first);
            }
            String name = row.get("name") != null ? row.get("name") : current == null ? null : current.name();
            Boolean hotDesk = Numbers.yesNo(row, "hot_desk", current == null ? Boolean.TRUE : current.hotDesk(), problems);
            Boolean enabled = Numbers.yesNo(row, "enabled", current == null ? Boolean.TRUE : current.enabled(), problems);
            String pin = row.get("pin");
            if (pin != null) {
                // the message never repeats the PIN
                problems.check(line, "pin", () -> {
                    Pins.requireValidPin(pin);
                    if (extension != null) PinStrength.requireStrong(pin, extension, guessing);
                    return pin;
                });
            } else if (current == null && extension != null) {
                problems.add(line, "pin", "pin is required for a new user");
            }
            if (extension == null || hotDesk == null || enabled == null || problems.hasLine(line)) continue;
            if (current == null) {
                // the same rules as creating one user
                problems.check(line, "name", () -> new NewUser(extension, name, pin, hotDesk, null));
            } else if (name.length() > 100) {
                problems.add(line, "name", "name must be 1 to 100 characters");
            }
            if (!problems.hasLine(line)) {
                rows.add(new UserImportRow(extension, name, hotDesk, enabled, pin));
            }
        }
        problems.throwIfAny(table.rows().size());
        try {
            return ImportReport.of(core.users().importUsers(tenantId, rows, actor));
        } catch (HotdeskException e) {
            throw CsvRejected.file("the import failed: " + e.getMessage(), List.of());
        }
    }
}
