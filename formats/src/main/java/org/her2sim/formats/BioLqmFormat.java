// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import java.io.FileNotFoundException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.colomoto.biolqm.LogicalModel;
import org.colomoto.biolqm.io.LogicalModelFormat;
import org.colomoto.biolqm.io.StreamProvider;
import org.colomoto.biolqm.service.LQMServiceManager;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.model.InputFiles;
import org.her2sim.engine.model.StackGuard;

/**
 * A format read and written by bioLQM: the file is loaded as a {@link LogicalModel} and
 * converted to a network by {@link BooleanConversion}, and written the other way. Only Boolean
 * models pass; a multi-valued component is refused with its name.
 */
public abstract class BioLqmFormat implements Format {
    private final String id;
    private final String lqmId;
    private final List<String> extensions;

    /**
     * @param id our id
     * @param lqmId bioLQM's id of the format
     * @param extensions file endings, the first one written
     */
    protected BioLqmFormat(String id, String lqmId, List<String> extensions) {
        this.id = id;
        this.lqmId = lqmId;
        this.extensions = List.copyOf(extensions);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> extensions() {
        return extensions;
    }

    @Override
    public Optional<ModelReader> reader() {
        return Optional.of(file -> ModelDocument.of(BooleanConversion.toNetwork(load(file), file.toString())));
    }

    @Override
    public Optional<ModelWriter> writer() {
        return Optional.of((model, file, outs) -> {
            LogicalModel lm = model.toLogicalModel();
            outs.writeBinary(file, os -> export(lm, os, file));
        });
    }

    /**
     * Loads a file with bioLQM.
     *
     * @throws ModelException naming the file when bioLQM cannot read it
     * @throws IOException when the file does not exist
     */
    public LogicalModel load(Path file) throws IOException {
        LogicalModelFormat f = lqm();
        LogicalModel m;
        byte[] content = prepare(InputFiles.readBytes(file, InputFiles.MAX_TEXT_BYTES), file.toString());
        try {
            check(content, file.toString());
            m = f.load(new StreamProvider() {
                @Override
                public OutputStream output(String suffix) throws FileNotFoundException {
                    throw new FileNotFoundException("read only");
                }

                @Override
                public InputStream input(String suffix) throws FileNotFoundException {
                    // bioLQM asks with a placeholder suffix ("$f") for the one file it reads
                    return new java.io.ByteArrayInputStream(content);
                }
            });
        } catch (ModelException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw StackGuard.tooDeep(SourceLocation.of(file.toString()));
        } catch (Exception e) {
            throw new ModelException(SourceLocation.of(file.toString()), "cannot read it as " + id + ": " + rootMessage(e));
        }
        if (m == null) {
            throw new ModelException(SourceLocation.of(file.toString()), "cannot read it as " + id);
        }
        return m;
    }

    /**
     * Checks the content before bioLQM reads it; by default nothing. A format overrides this to
     * refuse a malformed file with the line and column of the fault.
     *
     * @throws ModelException naming the file, line and column
     */
    protected void check(byte[] content, String source) throws IOException {
    }

    /**
     * The file's content as handed to bioLQM; by default unchanged. A format overrides this to
     * accept what bioLQM's reader does not.
     */
    protected byte[] prepare(byte[] content, String source) {
        return content;
    }

    private void export(LogicalModel lm, OutputStream os, Path file) throws IOException {
        OutputStream keepOpen = new FilterOutputStream(os) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        StreamProvider provider = new StreamProvider() {
            @Override
            public OutputStream output(String suffix) throws FileNotFoundException {
                return keepOpen;
            }

            @Override
            public InputStream input(String suffix) throws FileNotFoundException {
                throw new FileNotFoundException("export only");
            }
        };
        try {
            lqm().export(lm, provider);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new ModelException(SourceLocation.of(file.toString()), "cannot write it as " + id + ": " + rootMessage(e));
        }
        keepOpen.flush();
    }

    private LogicalModelFormat lqm() {
        LogicalModelFormat f = LQMServiceManager.getFormat(lqmId);
        if (f == null) {
            throw new IllegalStateException("bioLQM format " + lqmId + " is not on the class path");
        }
        return f;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
