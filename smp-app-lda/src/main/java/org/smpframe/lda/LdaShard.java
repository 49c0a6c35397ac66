package org.smpframe.lda;

import java.util.Arrays;

/**
 * A worker's documents: their tokens' words and topics in corpus order, document boundaries rebased to 0, and,
 * for each vocabulary block, the positions of the tokens whose word is in the block, grouped by document
 * (segment s of block b covers {@code cellTokens[b][segEnd[b][s-1] .. segEnd[b][s])}, all of document
 * {@code segDoc[b][s]}), so a sub-round samples one block's tokens document by document.
 */
final class LdaShard {
    final int firstDoc;
    final int[] docPtr;
    final int[] words;
    final int[] topics;
    final int[][] cellTokens;
    final int[][] segDoc;
    final int[][] segEnd;

    LdaShard(LdaProblem problem, int firstDoc, int endDoc, int[] blockOfWord, int numBlocks) {
        this.firstDoc = firstDoc;
        int base = problem.docPtr[firstDoc];
        int end = problem.docPtr[endDoc];
        this.docPtr = new int[endDoc - firstDoc + 1];
        for (int d = firstDoc; d <= endDoc; d++) {
            docPtr[d - firstDoc] = problem.docPtr[d] - base;
        }
        this.words = Arrays.copyOfRange(problem.words, base, end);
        this.topics = Arrays.copyOfRange(problem.initialTopics, base, end);
        int numDocs = endDoc - firstDoc;
        int[] tokensPerBlock = new int[numBlocks];
        int[] segmentsPerBlock = new int[numBlocks];
        int[] lastDoc = new int[numBlocks];
        Arrays.fill(lastDoc, -1);
        for (int d = 0; d < numDocs; d++) {
            for (int i = docPtr[d]; i < docPtr[d + 1]; i++) {
                int b = blockOfWord[words[i]];
                tokensPerBlock[b]++;
                if (lastDoc[b] != d) {
                    lastDoc[b] = d;
                    segmentsPerBlock[b]++;
                }
            }
        }
        cellTokens = new int[numBlocks][];
        segDoc = new int[numBlocks][];
        segEnd = new int[numBlocks][];
        for (int b = 0; b < numBlocks; b++) {
            cellTokens[b] = new int[tokensPerBlock[b]];
            segDoc[b] = new int[segmentsPerBlock[b]];
            segEnd[b] = new int[segmentsPerBlock[b]];
        }
        int[] fill = new int[numBlocks];
        int[] seg = new int[numBlocks];
        Arrays.fill(lastDoc, -1);
        for (int d = 0; d < numDocs; d++) {
            for (int i = docPtr[d]; i < docPtr[d + 1]; i++) {
                int b = blockOfWord[words[i]];
                if (lastDoc[b] != d) {
                    lastDoc[b] = d;
                    segDoc[b][seg[b]++] = d;
                }
                cellTokens[b][fill[b]++] = i;
                segEnd[b][seg[b] - 1] = fill[b];
            }
        }
    }

    int numDocs() {
        return docPtr.length - 1;
    }

    int numTokens() {
        return words.length;
    }
}
