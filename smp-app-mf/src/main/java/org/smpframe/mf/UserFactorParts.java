package org.smpframe.mf;

import org.smpframe.api.ResidentModel;
import org.smpframe.api.WireFormat;

/** Gathers the workers' user factors when a run ends and assembles the whole W. */
final class UserFactorParts implements ResidentModel<UserFactors> {
    private final UserFactors[] parts;

    UserFactorParts(int numWorkers) {
        parts = new UserFactors[numWorkers];
    }

    @Override
    public void gather(int worker, UserFactors part) {
        parts[worker] = part;
    }

    @Override
    public WireFormat<UserFactors> format() {
        return UserFactors.FORMAT;
    }

    /** W row-major ({@code numUsers × columns}). */
    double[] rowMajor(int numUsers, int columns) {
        double[] w = new double[numUsers * columns];
        for (UserFactors part : parts) {
            if (part == null) {
                throw new IllegalStateException("no run has ended yet");
            }
            for (int i = 0; i < part.count(); i++) {
                for (int c = 0; c < columns; c++) {
                    w[(part.firstUser() + i) * columns + c] = part.w()[c * part.count() + i];
                }
            }
        }
        return w;
    }
}
