package io.capstream.data.toons;

/**
 * One character placed in a scene. Coordinates are fractions of the image size, so one scene
 * renders the same at any resolution.
 *
 * @param actor what the character is
 * @param second whether it is the scene's second character (false: a member of the group)
 * @param x horizontal centre, 0 = left edge, 1 = right edge
 * @param footY where the bottom of its pose is, 0 = top edge, 1 = bottom edge (above the ground for
 *     jumping and airborne characters)
 * @param scale character height as a fraction of the image size
 * @param facingRight whether it faces (and runs, looks) to the right
 */
public record Figure(
        Actor actor, boolean second, double x, double footY, double scale, boolean facingRight) {}
