package org.smpframe.bench;

import java.util.Locale;

/**
 * One solver configuration of the convergence benchmark.
 *
 * @param scheduler     "smp", "random" or "cyclic"
 * @param blockSize     L: coordinates per round (the smp filter may keep fewer)
 * @param rho           ρ of the smp dependency filter (ignored by the others); above 1 the filter is off
 * @param workers       P: worker threads of the embedded runtime
 * @param pipelineDepth rounds the scheduler may run ahead (the project default is 1)
 * @param evaluateEvery rounds between evaluations of the objective
 * @param seed          scheduler seed
 * @param capSeconds    solver-time cap of the run
 */
public record RunSpec(String scheduler, int blockSize, double rho, int workers, int pipelineDepth, int evaluateEvery,
                      long seed, double capSeconds) {

    /** The same configuration with another seed. */
    public RunSpec withSeed(long s) {
        return new RunSpec(scheduler, blockSize, rho, workers, pipelineDepth, evaluateEvery, s, capSeconds);
    }

    /** The same configuration with another cap. */
    public RunSpec withCap(double cap) {
        return new RunSpec(scheduler, blockSize, rho, workers, pipelineDepth, evaluateEvery, seed, cap);
    }

    /** One worker, one coordinate per round: plain sequential coordinate descent. */
    public boolean isSequential() {
        return workers == 1 && blockSize == 1;
    }

    /** "smp(L=32, rho=0.1)", "smp(L=16, no filter)", "random(L=32)": the scheduler and what it was tuned with. */
    public String label() {
        if (!scheduler.equals("smp")) {
            return scheduler + "(L=" + blockSize + ")";
        }
        return rho > 1 ? String.format(Locale.ROOT, "smp(L=%d, no filter)", blockSize)
                : String.format(Locale.ROOT, "smp(L=%d, rho=%s)", blockSize, rho);
    }
}
