/**
 * Lasso by scheduled model-parallel coordinate descent.
 *
 * <h2>Formulation</h2>
 * Given n rows x_i ∈ ℝᵖ with targets y_i, find
 * <pre>
 *   minimize over β ∈ ℝᵖ, b ∈ ℝ:   (1/2n) Σ_i (y_i − b − x_iᵀβ)²  +  λ ‖β‖₁
 * </pre>
 * with an unpenalized intercept b (or b = 0 when the intercept is off). The intercept is eliminated the way
 * glmnet does it: columns and targets are centred implicitly (x̃_j = x_j − μ_j, ỹ = y − ȳ; the sparse matrix
 * is never densified), the problem in β is solved on the centred data and b = ȳ − Σ_j μ_j β_j. With column
 * normalization each column is divided by its standard deviation s_j first; λ then penalizes the coefficients
 * of the normalized columns (as glmnet's {@code standardize=TRUE}) and coefficients are reported on the
 * original scale, β_j / s_j.
 *
 * <h2>Model-parallel coordinate descent</h2>
 * Rows are sharded across workers; each keeps the residual r = ỹ − X̃β of its rows. For scheduled coordinates
 * j the worker pushes g_j^p = Σ_{i ∈ shard p} x̃_ij r_i. The aggregator sums them, g_j = x̃_jᵀr, and commits
 * <pre>
 *   β_j ← S(g_j + d_j β_j, nλ) / d_j,   d_j = ‖x̃_j‖²,   S(z, t) = sign(z) max(|z| − t, 0)
 * </pre>
 * (the exact minimizer of the objective along coordinate j). Workers then apply r ← r − x̃_j Δβ_j.
 * Coordinates of one round are updated from the same residual (a Jacobi step), which is why the scheduler's
 * dependency filter matters: two correlated coordinates updated together overshoot.
 *
 * <p>With covariance updates ({@link LassoCovarianceWorker}, for n ≫ p) a worker keeps its shard's G = XᵀX and
 * Xᵀỹ instead of passing over its rows: g_j^p = (Xᵀỹ)_j − (Gβ)_j plus the centring terms, O(1) per coordinate,
 * and a commit adds Δβ_j·G[:, j] to Gβ. Evaluations still rebuild the residual from the rows.
 *
 * <h2>Stopping: the duality gap</h2>
 * The dual of the problem is max_u uᵀỹ − (n/2)‖u‖² subject to ‖X̃ᵀu‖_∞ ≤ λ. From the residual, u = r / max(n,
 * ‖X̃ᵀr‖_∞ / λ) is dual feasible, so gap = P(β) − D(u) ≥ P(β) − P(β*) bounds the suboptimality rigorously.
 * A run stops when gap ≤ tol · P(β).
 */
package org.smpframe.lasso;
