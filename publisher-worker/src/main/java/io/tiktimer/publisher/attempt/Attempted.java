package io.tiktimer.publisher.attempt;

/**
 * The result of a part of a step: a value to go on with, or the {@link Next} that ends the step here (the part
 * failed the attempt, or parked it). {@code value} may be null where the part says what null means.
 */
record Attempted<T>(T value, Next halt) {

    static <T> Attempted<T> of(T value) {
        return new Attempted<>(value, null);
    }

    static <T> Attempted<T> halt(Next next) {
        return new Attempted<>(null, next);
    }

    boolean halted() {
        return halt != null;
    }
}
