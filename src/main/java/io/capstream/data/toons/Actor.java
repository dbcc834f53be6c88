package io.capstream.data.toons;

/**
 * What a character is: its kind, body colour and action.
 *
 * @param kind the kind of character
 * @param colour the body colour
 * @param action what it is doing; must be one of {@link Kind#actions()}
 */
public record Actor(Kind kind, Colour colour, Action action) {
    public Actor {
        if (!kind.actions().contains(action)) {
            throw new IllegalArgumentException("a " + kind.word() + " cannot be " + action.ing());
        }
    }
}
