package io.tiktimer.auth.rest;

/** A sentence for the statuses the framework answers by itself, where it gives none a client could show. */
final class FrameworkAnswers {

    private FrameworkAnswers() {
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request cannot be read as what this operation takes";
            case 404 -> "No resource at this path";
            case 405 -> "This path does not take this HTTP method; see the Allow header";
            case 406 -> "This operation answers only application/json";
            case 413 -> "The request body is larger than this operation takes";
            case 415 -> "This operation does not take a body of this Content-Type";
            default -> "The request was refused";
        };
    }
}
