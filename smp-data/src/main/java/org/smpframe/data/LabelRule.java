package org.smpframe.data;

/**
 * What a reader accepts as a label, checked where the label is read so that a wrong one is reported with its
 * file and line.
 */
@FunctionalInterface
public interface LabelRule {
    /** Returns null when {@code label} is acceptable, else why not (shown after "file:line: "). */
    String reject(double label);

    /** Any finite number (regression). */
    LabelRule ANY = label -> null;

    /**
     * Two classes written as -1/+1 or 0/1 (0 and -1 both mean the negative class). Files that mix 0 and -1 are
     * caught when the dataset is turned into a problem, since that needs the whole file.
     */
    LabelRule BINARY = label -> label == 1 || label == -1 || label == 0 ? null
            : "label " + (label == Math.rint(label) ? Long.toString((long) label) : Double.toString(label))
                    + " is not a class of binary classification: use -1/+1 or 0/1";
}
