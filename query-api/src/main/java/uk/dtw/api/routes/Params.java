package uk.dtw.api.routes;

import io.javalin.http.Context;
import uk.dtw.api.errors.Errors;

/** Reading optional query parameters, with errors that name the parameter. */
final class Params {
    private Params() {
    }

    /** The trimmed value, or null when absent or blank. */
    static String optional(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An optional whole number within [min, max], or null when absent. */
    static Integer boundedInt(Context ctx, String name, int min, int max) {
        return boundedInt(name, optional(ctx, name), min, max);
    }

    static Integer boundedInt(String name, String value, int min, int max) {
        if (value == null) {
            return null;
        }
        String expected = "a whole number from " + min + " to " + max;
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw Errors.malformed(name, value, expected);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Errors.malformed(name, value, expected);
        }
    }
}
