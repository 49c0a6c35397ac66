/**
 * Sparse (L1-regularized) logistic regression by scheduled model-parallel proximal Newton descent.
 *
 * <h2>Formulation</h2>
 * Given n rows x_i ∈ ℝᵖ with labels y_i ∈ {−1, +1} (files may say 0/1), find
 * <pre>
 *   minimize over w ∈ ℝᵖ, b ∈ ℝ:   (1/n) Σ_i log(1 + exp(−y_i (x_iᵀw + b)))  +  λ ‖w‖₁
 * </pre>
 * with an unpenalized bias b (liblinear's extra feature of value 1, left out of the penalty; or none). liblinear's
 * L1R_LR minimizes ‖w‖₁ + C Σ_i log(1 + exp(−y_i wᵀx_i)), n·C times this objective: the same solution for
 * C = 1/(nλ) ({@link org.smpframe.logreg.LogRegConfig#lambdaForC}). With standardization every feature is
 * divided by its standard deviation first (no centring, so sparse data stays sparse) and weights are reported on
 * the original scale.
 *
 * <h2>Method</h2>
 * Outer proximal Newton iterations as in liblinear's newGLMNET; the quadratic model of each is minimized by
 * coordinate descent scheduled by any {@link org.smpframe.api.Scheduler} (smp, random, cyclic), with rows
 * sharded across workers; one line search per outer step keeps the objective from ever increasing. The
 * details, the messages and the stopping rules are in {@link org.smpframe.logreg.LogRegAggregator}; the
 * worker's side in {@code LogRegWorker}.
 *
 * <h2>Model files</h2>
 * liblinear's text format ({@link org.smpframe.logreg.LogRegModel}): liblinear's {@code predict} and
 * liblinear-java read what {@code smp logreg} writes, and {@code smp predict} reads liblinear's logistic
 * models.
 */
package org.smpframe.logreg;
