package org.sintraee.runtime.keys;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Strict binding of the files' integer fields (version, n, t, ids, thresholds). JSON-B's
 * default turns 1.5 into 1, "7" into 7 and 99999999999 into an overflowed int; in a key
 * file each of those is an error, so this accepts only a JSON number that is a whole
 * number within the int range (or null, which validation then reports as missing).
 */
public final class WholeNumber implements JsonbDeserializer<Integer> {

    /** Thrown for anything else; its message is fixed text, safe to show. */
    static final class NotWholeNumber extends JsonbException {
        private static final long serialVersionUID = 1L;

        NotWholeNumber() {
            super("must be a whole JSON number in the int range");
        }
    }

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        JsonValue value = parser.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null; // reported as a missing field by the validation that follows
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.bigIntegerValueExact().intValueExact();
            } catch (ArithmeticException e) {
                throw new NotWholeNumber();
            }
        }
        throw new NotWholeNumber();
    }
}
