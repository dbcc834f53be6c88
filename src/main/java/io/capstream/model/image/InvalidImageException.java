package io.capstream.model.image;

/** An input image was rejected; {@link #problem()} says why in machine-readable form. */
public final class InvalidImageException extends Exception {
    private final ImageProblem problem;

    public InvalidImageException(ImageProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public ImageProblem problem() {
        return problem;
    }
}
