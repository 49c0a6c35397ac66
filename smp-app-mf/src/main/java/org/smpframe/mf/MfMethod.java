package org.smpframe.mf;

import java.util.Locale;

/** How the factors are fitted: the scheduled method or the unscheduled baseline. */
public enum MfMethod {
    /**
     * CCD++ (Yu et al., ICDM 2012) on the rotation schedule: users sharded across workers, item-factor blocks
     * moving around the ring so each is updated by one worker at a time; exact coordinate minimization, so the
     * objective never increases.
     */
    ROTATION("rotation"),
    /**
     * The unscheduled baseline: parallel SGD where every worker updates all item factors of its ratings in its
     * own copy and the copies are merged by adding the changes (Hogwild-style: no coordination between
     * workers that touch the same item), several times per epoch.
     */
    HOGWILD("hogwild");

    private final String cliName;

    MfMethod(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The method named {@code name} ("rotation" or "hogwild", any case). */
    public static MfMethod parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (MfMethod m : values()) {
            if (m.cliName.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown MF scheduler '" + name + "'; known: rotation, hogwild");
    }
}
