package org.sintraee.runtime.keys;

/**
 * A key file that cannot be read, parsed or trusted. The message names the file and,
 * where there is one, the JSON field ({@code "server-2.private.json: field 'coinShare' ..."})
 * so an operator can fix it. It never contains a secret value: messages are built here
 * from field names and public facts only, and exceptions thrown while decoding secrets
 * are not attached as causes (their messages may quote the input).
 */
public final class KeyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String field;

    private KeyFileException(String file, String field, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.field = field;
    }

    /** A problem with one field: "file: field 'path' problem". */
    public static KeyFileException field(String file, String field, String problem) {
        return new KeyFileException(file, field, file + ": field '" + field + "' " + problem, null);
    }

    /** A problem with the file as a whole (unreadable, not JSON, ...). */
    public static KeyFileException file(String file, String problem) {
        return new KeyFileException(file, null, file + ": " + problem, null);
    }

    /** As {@link #file(String, String)}, keeping a cause that is known to carry no secret (an I/O error). */
    public static KeyFileException file(String file, String problem, Throwable publicCause) {
        return new KeyFileException(file, null, file + ": " + problem, publicCause);
    }

    /** The file as the caller named it. */
    public String file() {
        return file;
    }

    /** The JSON field path (e.g. {@code members[1].address}), or null for a whole-file problem. */
    public String field() {
        return field;
    }
}
