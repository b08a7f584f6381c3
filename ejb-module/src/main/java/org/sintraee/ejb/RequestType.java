package org.sintraee.ejb;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies an {@link org.sintraee.api.OrderedRequest} event by its request's type
 * ({@link org.sintraee.api.OrderedRequest#type()}), so that an observer takes one kind of
 * request only: {@code void stamp(@Observes @RequestType(NotaryRequest.TYPE) OrderedRequest r)}.
 * An observer without it sees every request, typed or not, in the same order.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface RequestType {

    /** The type name a request starts with, before its zero byte. */
    String value();

    /** The qualifier for one type name, for firing events. */
    final class Literal extends AnnotationLiteral<RequestType> implements RequestType {
        private static final long serialVersionUID = 1L;
        private final String value;

        public Literal(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
