package org.smpframe.mf;

/**
 * The ratings of one (user shard, item block) cell, row by user: for local user i, entries
 * {@code rowPtr[i] .. rowPtr[i+1]} hold the item's index inside its block and a value (a rating, or the
 * residual CCD++ keeps for it).
 */
final class LocalCsr {
    final int[] rowPtr;
    final int[] item;
    final float[] value;

    private LocalCsr(int[] rowPtr, int[] item, float[] value) {
        this.rowPtr = rowPtr;
        this.item = item;
        this.value = value;
    }

    int size() {
        return item.length;
    }

    /**
     * The cells of users {@code [firstUser, firstUser + numUsers)}: one per item block, from triples given by
     * dense ids. Two counting passes over the triples, so building costs O(ratings) whatever the number of
     * blocks.
     */
    static LocalCsr[] cells(int[] users, int[] items, float[] values, int firstUser, int numUsers,
                            int[] blockOfItem, int[] blockStart, int numBlocks) {
        int[][] counts = new int[numBlocks][numUsers + 1];
        int end = firstUser + numUsers;
        for (int r = 0; r < users.length; r++) {
            int u = users[r];
            if (u >= firstUser && u < end) {
                counts[blockOfItem[items[r]]][u - firstUser + 1]++;
            }
        }
        LocalCsr[] cells = new LocalCsr[numBlocks];
        int[][] fill = new int[numBlocks][];
        for (int b = 0; b < numBlocks; b++) {
            int[] rowPtr = counts[b];
            for (int i = 0; i < numUsers; i++) {
                rowPtr[i + 1] += rowPtr[i];
            }
            cells[b] = new LocalCsr(rowPtr, new int[rowPtr[numUsers]], new float[rowPtr[numUsers]]);
            fill[b] = java.util.Arrays.copyOf(rowPtr, numUsers);
        }
        for (int r = 0; r < users.length; r++) {
            int u = users[r];
            if (u >= firstUser && u < end) {
                int b = blockOfItem[items[r]];
                int k = fill[b][u - firstUser]++;
                cells[b].item[k] = items[r] - blockStart[b];
                cells[b].value[k] = values[r];
            }
        }
        return cells;
    }
}
