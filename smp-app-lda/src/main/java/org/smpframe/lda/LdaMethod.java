package org.smpframe.lda;

import java.util.Locale;

/** How the sampling is parallelized. */
public enum LdaMethod {
    /**
     * Model parallel: documents sharded across workers, the vocabulary cut into blocks that rotate around the
     * ring, so each word's topic counts are held and updated by one worker at a time; only the topic totals are
     * shared, reconciled after every sub-round.
     */
    ROTATION("rotation"),
    /**
     * The data-parallel baseline (AD-LDA, Newman et al. 2009): every worker samples all words of its documents
     * against its own copy of the word-topic counts; the copies are merged once per iteration.
     */
    DATA_PARALLEL("data-parallel");

    private final String cliName;

    LdaMethod(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static LdaMethod parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (LdaMethod m : values()) {
            if (m.cliName.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown LDA scheduler '" + name + "'; known: rotation, data-parallel");
    }
}
