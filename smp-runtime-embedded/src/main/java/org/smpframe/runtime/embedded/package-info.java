/**
 * The embedded runtime: P workers as threads in this JVM, the aggregator on the caller's thread, and the
 * scheduler on its own thread when the pipeline depth is positive. The default runtime when no cluster is given.
 */
package org.smpframe.runtime.embedded;
