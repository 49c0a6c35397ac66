package org.smpframe.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.smpframe.api.SmpProgram;

/**
 * An app command that can run on a cluster: a worker process parses the same arguments and builds the same
 * program from the same data, which it reads itself (so the data must be readable on every machine).
 */
interface ClusterJob {
    /** The program this command's run would execute, built from the same data and options. */
    SmpProgram<?, ?, ?> program() throws IOException;

    /** The files the program is built from; every worker checks that its copies are identical to these. */
    List<Path> inputs();
}
