package org.smpframe.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.smpframe.data.LibSvmWriter;
import org.smpframe.lasso.CorrelatedDesign;

/**
 * Writes a {@link CorrelatedDesign} as a LibSVM file, so that the measurements quoted in the docs on generated data
 * (e.g. the tall 400,000 x 64 design of the covariance updates) can be repeated with the CLI.
 *
 * <pre>
 * java -cp smp-benchmarks/target/benchmarks.jar org.smpframe.bench.WriteCorrelatedDesign \
 *     ROWS FEATURES BLOCK_WIDTH CORRELATION NONZEROS NOISE SEED FILE
 * </pre>
 */
public final class WriteCorrelatedDesign {
    private WriteCorrelatedDesign() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 8) {
            System.err.println("usage: WriteCorrelatedDesign ROWS FEATURES BLOCK_WIDTH CORRELATION NONZEROS NOISE SEED"
                    + " FILE");
            System.exit(2);
            return;
        }
        CorrelatedDesign design;
        try {
            design = new CorrelatedDesign(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                    Integer.parseInt(args[2]), Double.parseDouble(args[3]), Integer.parseInt(args[4]),
                    Double.parseDouble(args[5]), Long.parseLong(args[6]));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            System.err.println("WriteCorrelatedDesign: " + e.getMessage());
            System.exit(2);
            return;
        }
        LibSvmWriter.write(design.generate(), Path.of(args[7]));
        System.err.println("wrote " + design + " to " + args[7]);
    }
}
