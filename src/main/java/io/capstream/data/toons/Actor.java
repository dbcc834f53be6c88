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

    /**
     * Whether it is drawn hovering (a flying bird, an awake ghost or fish), so that it can be
     * placed above another character. A jumping character is only briefly off the ground.
     */
    public boolean hovers() {
        switch (kind) {
            case GHOST:
            case FISH:
                return action != Action.SLEEPING && action != Action.JUMPING;
            default:
                return action == Action.FLYING;
        }
    }
}
