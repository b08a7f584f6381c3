package org.sintraee.protocol.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A protocol instance's unique, hierarchical name, such as {@code abc/17/mvba/cbc/3}.
 * It is part of everything signed, coin-tossed or encrypted (via {@link #encoded()}),
 * so that nothing one instance produces is valid in another.
 */
public final class Tag implements Comparable<Tag> {
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** Bound on depth, so an untrusted tag cannot grow without limit. */
    public static final int MAX_DEPTH = 16;

    private final List<String> segments;
    private final byte[] encoded;

    private Tag(List<String> segments) {
        this.segments = Collections.unmodifiableList(segments);
        this.encoded = encode(segments);
    }

    /** A root tag, e.g. {@code Tag.of("abc")}. */
    public static Tag of(String... segments) {
        if (segments.length == 0) {
            throw new IllegalArgumentException("a tag needs at least one segment");
        }
        List<String> list = new ArrayList<>();
        for (String s : segments) {
            list.add(check(s));
        }
        checkDepth(list.size());
        return new Tag(list);
    }

    /** The tag of a child instance: {@code this/segment}. */
    public Tag child(String segment) {
        List<String> list = new ArrayList<>(segments);
        list.add(check(segment));
        checkDepth(list.size());
        return new Tag(list);
    }

    public Tag child(long index) {
        return child(Long.toString(index));
    }

    /** Parses {@code a/b/c}; empty if the text is not a valid tag (untrusted input). */
    public static java.util.Optional<Tag> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_DEPTH * 65) {
            return java.util.Optional.empty();
        }
        String[] parts = text.split("/", -1);
        if (parts.length > MAX_DEPTH) {
            return java.util.Optional.empty();
        }
        for (String p : parts) {
            if (!SEGMENT.matcher(p).matches()) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(new Tag(List.of(parts)));
    }

    public List<String> segments() {
        return segments;
    }

    /** Canonical bytes: each segment length-prefixed, so distinct tags never encode alike. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** True iff this tag is {@code other} or below it. */
    public boolean startsWith(Tag other) {
        return segments.size() >= other.segments.size()
                && segments.subList(0, other.segments.size()).equals(other.segments);
    }

    private static String check(String segment) {
        if (segment == null || !SEGMENT.matcher(segment).matches()) {
            throw new IllegalArgumentException("invalid tag segment: " + segment);
        }
        return segment;
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("tag deeper than " + MAX_DEPTH);
        }
    }

    private static byte[] encode(List<String> segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(segments.size());
        for (String s : segments) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            out.write(b.length);
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tag t && t.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public int compareTo(Tag o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        return String.join("/", segments);
    }
}
