package org.sintraee.protocol.core;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Something this server said that it must never contradict, even after a crash: an
 * echo, a vote, a signature or a share. The runtime makes a step's records durable
 * before it sends the step's messages; a restarted server replays them.
 *
 * @param tag  the instance
 * @param what the step, in the paper's words ("echo", "ready", "pre-vote/3")
 * @param data the canonical bytes of what was said
 */
public record DurableRecord(Tag tag, String what, byte[] data) {
    public DurableRecord {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(what, "what");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DurableRecord d && d.tag.equals(tag) && d.what.equals(what) && Arrays.equals(d.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, what, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "DurableRecord[" + tag + " " + what + " " + HexFormat.of().formatHex(data, 0, Math.min(8, data.length))
                + (data.length > 8 ? "..." : "") + "]";
    }
}
