package org.smpframe.linear;

import java.util.function.Supplier;
import org.smpframe.api.BlockFilter;
import org.smpframe.api.DependencyOracle;

/**
 * A dependency oracle built on first use: what it needs (a column-major copy of the data) is made only when a
 * scheduler with a dependency filter prepares it or asks, never for the schedulers that do not filter.
 */
public final class LazyOracle implements DependencyOracle {
    private final Supplier<DependencyOracle> factory;
    private volatile DependencyOracle oracle;

    public LazyOracle(Supplier<DependencyOracle> factory) {
        this.factory = factory;
    }

    private DependencyOracle get() {
        DependencyOracle o = oracle;
        if (o == null) {
            synchronized (this) {
                o = oracle;
                if (o == null) {
                    o = factory.get();
                    oracle = o;
                }
            }
        }
        return o;
    }

    @Override
    public double dependency(int a, int b) {
        return get().dependency(a, b);
    }

    @Override
    public BlockFilter blockFilter(double rho) {
        return get().blockFilter(rho);
    }

    @Override
    public void prepare() {
        get().prepare();
    }
}
