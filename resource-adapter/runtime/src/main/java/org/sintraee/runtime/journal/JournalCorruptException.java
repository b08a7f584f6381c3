package org.sintraee.runtime.journal;

import java.io.IOException;
import java.nio.file.Path;

/** The journal holds damaged data that is not a crash's torn tail: recovery refuses to guess. */
public final class JournalCorruptException extends IOException {
    private final transient Path file;
    private final long offset;

    public JournalCorruptException(Path file, long offset, String reason) {
        super("journal " + file + " is corrupt at byte offset " + offset + ": " + reason);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    /** Where the offending record starts. */
    public long offset() {
        return offset;
    }
}
