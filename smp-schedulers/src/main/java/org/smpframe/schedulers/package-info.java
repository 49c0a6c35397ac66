/**
 * Schedulers for SMP programs: {@link org.smpframe.schedulers.DynamicScheduler} ("smp": priorities from the
 * recent changes plus a dependency filter), and the baselines {@link org.smpframe.schedulers.RandomScheduler}
 * ("random", Shotgun-style) and {@link org.smpframe.schedulers.CyclicScheduler} ("cyclic", round-robin).
 * {@link org.smpframe.schedulers.Schedulers} selects one by name; other modules add theirs through a
 * {@link org.smpframe.schedulers.SchedulerFactory} service. All are tuned by one
 * {@link org.smpframe.schedulers.SchedulerSettings}.
 */
package org.smpframe.schedulers;
