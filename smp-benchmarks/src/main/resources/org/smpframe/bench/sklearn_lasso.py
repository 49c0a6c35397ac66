# scikit-learn's Lasso, timed as a user would fit it on data already in memory, for LassoPeerBenchmark.
# usage: sklearn_lasso.py DATA N P INTERCEPT(0|1) REPS TOLS(comma list) single LAMBDA
#        sklearn_lasso.py DATA N P INTERCEPT(0|1) REPS TOLS path LAMBDAS(comma list, largest first)
# DATA: X column after column, then y, little-endian doubles. Prints one line per tolerance:
#   R tol median_seconds objective(s, comma separated for a path) nonzeros(at the last lambda)
import sys, time
import numpy as np
from sklearn.linear_model import Lasso, lasso_path

data, n, p, intercept, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1", int(sys.argv[5])
tols = [float(t) for t in sys.argv[6].split(",")]
mode = sys.argv[7]
raw = np.fromfile(data, dtype="<f8")
X = np.asfortranarray(raw[: n * p].reshape((p, n)).T)
y = raw[n * p : n * p + n].copy()

def objective(coef, b, lam):
    r = y - X @ coef - b
    return r @ r / (2 * n) + lam * np.abs(coef).sum()

if mode == "single":
    lam = float(sys.argv[8])
    for tol in tols:
        times = []
        for _ in range(reps):
            m = Lasso(alpha=lam, fit_intercept=intercept, tol=tol, max_iter=10_000_000)
            t = time.perf_counter()
            m.fit(X, y)
            times.append(time.perf_counter() - t)
        b = m.intercept_ if intercept else 0.0
        print("R", tol, float(np.median(times)), repr(float(objective(m.coef_, b, lam))), int((m.coef_ != 0).sum()),
              flush=True)
else:
    lams = np.array([float(v) for v in sys.argv[8].split(",")])
    for tol in tols:
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            if intercept:
                xm, ym = X.mean(axis=0), y.mean()
                Xc = np.asfortranarray(X - xm)
                _, coefs, _ = lasso_path(Xc, y - ym, alphas=lams, tol=tol, max_iter=10_000_000)
            else:
                _, coefs, _ = lasso_path(X, y, alphas=lams, tol=tol, max_iter=10_000_000)
            times.append(time.perf_counter() - t)
        objs = []
        for k, lam in enumerate(lams):
            c = coefs[:, k]
            b = (y.mean() - X.mean(axis=0) @ c) if intercept else 0.0
            objs.append(repr(float(objective(c, b, lam))))
        print("R", tol, float(np.median(times)), ",".join(objs), int((coefs[:, -1] != 0).sum()), flush=True)
