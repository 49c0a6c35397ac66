package org.smpframe.api;

/**
 * The usual {@link MovingBlocks}: an array holding each block while it rests with the program. A program keeps
 * one, hands it to the runtime from {@link SmpProgram#movingBlocks()}, and reads the blocks from it between runs
 * (to save the model).
 *
 * @param <B> the state of one block
 */
public final class ParkedBlocks<B> implements MovingBlocks<B> {
    private final Object[] home;
    private final WireFormat<B> format;
    private final String what;

    /**
     * @param blocks the initial blocks, which rest here until a run takes them
     * @param what   what a block is, for messages, e.g. "item block"
     */
    public ParkedBlocks(B[] blocks, WireFormat<B> format, String what) {
        this.home = blocks.clone();
        this.format = format;
        this.what = what;
    }

    @Override
    public int count() {
        return home.length;
    }

    @Override
    public B take(int block) {
        B b = get(block);
        home[block] = null;
        return b;
    }

    @Override
    public void park(int block, B state) {
        home[block] = state;
    }

    @Override
    public WireFormat<B> format() {
        return format;
    }

    /**
     * Block {@code block} as it rests here.
     *
     * @throws IllegalStateException if a run holds it (or lost it when a worker failed)
     */
    @SuppressWarnings("unchecked")
    public B get(int block) {
        Object b = home[block];
        if (b == null) {
            throw new IllegalStateException(what + " " + block + " is not at home");
        }
        return (B) b;
    }
}
