// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.bnd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.bnd.BndWriter;
import org.her2sim.engine.cfg.CfgParser;
import org.her2sim.engine.cfg.CfgWriter;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.formats.Format;
import org.her2sim.formats.ModelDocument;
import org.her2sim.formats.ModelReader;
import org.her2sim.formats.ModelWriter;

/**
 * MaBoSS's BND language, through the engine's {@link BndParser} and {@link BndWriter}, with the
 * CFG beside it. Reading {@code m.bnd} also applies {@code m.cfg} (or else {@code m.bnd.cfg})
 * when it exists. Writing {@code m.bnd} also writes {@code m.cfg}: the model's own configuration
 * (rates and parameters, initial states, internal nodes, schedules) when it has one, otherwise
 * the defaults, so that the pair runs as it is.
 */
public final class BndFormat implements Format {

    /** Registered through {@link java.util.ServiceLoader}. */
    public BndFormat() {
    }

    @Override
    public String id() {
        return "bnd";
    }

    @Override
    public List<String> extensions() {
        return List.of("bnd");
    }

    @Override
    public Optional<ModelReader> reader() {
        return Optional.of(file -> {
            var network = BndParser.read(file);
            Path cfg = configBeside(file);
            if (cfg == null) {
                return ModelDocument.of(network);
            }
            RunConfig.Builder b = new RunConfig.Builder();
            CfgParser.apply(cfg, network, b);
            return new ModelDocument(network, Optional.of(b.build()));
        });
    }

    @Override
    public Optional<ModelWriter> writer() {
        return Optional.of((model, file, outs) -> {
            outs.write(file, w -> w.write(BndWriter.write(model.network())));
            RunConfig config = model.config().orElseGet(RunConfig::defaultConfig);
            outs.write(configPath(file), w -> w.write(CfgWriter.write(config)));
        });
    }

    /** The CFG file read with a BND file, or null when there is none. */
    public static Path configBeside(Path bnd) {
        Path plain = configPath(bnd);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path suffixed = bnd.resolveSibling(bnd.getFileName() + ".cfg");
        return Files.isRegularFile(suffixed) ? suffixed : null;
    }

    /** {@code m.cfg} for {@code m.bnd}; {@code m.bnd.cfg} when the name does not end in {@code .bnd}. */
    public static Path configPath(Path bnd) {
        String name = bnd.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".bnd")
            ? bnd.resolveSibling(name.substring(0, name.length() - 4) + ".cfg")
            : bnd.resolveSibling(name + ".cfg");
    }
}
