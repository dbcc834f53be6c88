package io.capstream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDResource;

/**
 * A per-call {@link NDManager} scope. Every array derived from the borrowed inputs lives in the
 * scope and is closed with it; {@link #keep} hands a result back to the caller's manager.
 *
 * <p>The inputs are temporarily attached ({@link NDManager#tempAttachAll}) so that PyTorch puts the
 * outputs of ops on them into the scope; they return to their own manager on {@link #close()}. Ops
 * whose receiver is a model parameter would land on the model's manager and leak, so model code
 * always puts the batch array first ({@code x.add(pos)}, never {@code pos.add(x)}) or re-attaches
 * with {@link #adopt}.
 */
public final class BatchScope implements AutoCloseable {
    private final NDManager parent;
    private final NDManager manager;
    private final boolean closeOnExit;

    private BatchScope(NDManager parent, boolean closeOnExit, NDResource... borrowed) {
        this.parent = parent;
        this.closeOnExit = closeOnExit;
        this.manager = parent.newSubManager();
        if (borrowed.length > 0) {
            manager.tempAttachAll(borrowed);
        }
    }

    /**
     * Opens a scope under the manager of the first input and borrows all inputs.
     *
     * @param inputs the caller's arrays (at least one)
     * @return the open scope
     */
    public static BatchScope borrowing(NDArray... inputs) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("a scope needs at least one input array");
        }
        return new BatchScope(inputs[0].getManager(), true, inputs);
    }

    /**
     * Opens a scope for a forward pass that will be back-propagated: {@link #close()} leaves the
     * arrays alive and the scope is closed with the caller's manager, after backward. Autograd
     * still reads the intermediates, and in DJL's PyTorch engine a closed array made from Java data
     * (such as the 1/√d scale inside {@code ScaledDotProductAttentionBlock}) can be freed by the
     * garbage collector before backward (see {@link Tensors}).
     *
     * @param inputs the caller's arrays, on its per-batch manager (at least one)
     * @return the open scope
     */
    public static BatchScope forBackward(NDArray... inputs) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("a scope needs at least one input array");
        }
        return new BatchScope(inputs[0].getManager(), false, inputs);
    }

    /**
     * {@link #forBackward} when training, else {@link #borrowing}.
     *
     * @param training whether the caller will back-propagate
     * @param inputs the caller's arrays
     * @return the open scope
     */
    public static BatchScope forPass(boolean training, NDArray... inputs) {
        return training ? forBackward(inputs) : borrowing(inputs);
    }

    /**
     * Opens a nested scope, e.g. one per sampling step, borrowing arrays of the outer scope.
     *
     * @param outer the enclosing manager
     * @param inputs arrays the step reads
     * @return the open scope
     */
    public static BatchScope nested(NDManager outer, NDArray... inputs) {
        return new BatchScope(outer, true, inputs);
    }

    /** The scope's manager: create constants here. */
    public NDManager manager() {
        return manager;
    }

    /**
     * Moves a result out of the scope to the caller's manager so it survives {@link #close()}.
     *
     * @param array an array created in this scope
     * @return the same array
     */
    public NDArray keep(NDArray array) {
        array.attach(parent);
        return array;
    }

    /**
     * Moves an array that an op put on another manager (e.g. a parameter's) into this scope.
     *
     * @param array an array derived from a parameter
     * @return the same array, now owned by the scope
     */
    public NDArray adopt(NDArray array) {
        array.attach(manager);
        return array;
    }

    /** Closes the scope, unless it was opened {@link #forBackward}. */
    @Override
    public void close() {
        if (closeOnExit) {
            manager.close();
        }
    }
}
