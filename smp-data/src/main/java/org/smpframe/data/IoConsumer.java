package org.smpframe.data;

import java.io.IOException;

/**
 * A consumer that may fail with an {@link IOException}: the body of an {@link AtomicFiles} write,
 * which java.util.function.Consumer cannot express without wrapping every write call.
 *
 * @param <T> what is consumed, a Writer or an OutputStream
 */
@FunctionalInterface
public interface IoConsumer<T> {
    void accept(T t) throws IOException;
}
