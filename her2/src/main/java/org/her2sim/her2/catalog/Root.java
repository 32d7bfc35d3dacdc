// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where the model's data files live: a classpath prefix (the default, {@code her2/}) or a
 * directory. Files are named by their path below the root, e.g. {@code network/her2.bnd}.
 */
public abstract class Root {

    /** The bundled data, {@code her2/} on the classpath. */
    public static Root bundled() {
        return classpath("her2/");
    }

    /** Files under a classpath prefix such as {@code her2/} or {@code fixture/}. */
    public static Root classpath(String prefix) {
        return new Classpath(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    /** Files under a directory. */
    public static Root directory(Path dir) {
        return new Directory(dir);
    }

    /**
     * This root with some files' texts replaced or added (e.g. a fit's candidate {@code tumour_fitted.yaml});
     * every other file is read from {@code base}.
     */
    public static Root overlay(Root base, Map<String, String> files) {
        return new Overlay(base, files);
    }

    /** The text of a file. @throws NoSuchFileException when absent */
    public abstract String read(String name) throws IOException;

    /** True if the file exists. */
    public abstract boolean exists(String name);

    /** The names (below the root) of the files in a sub-folder ending with {@code suffix}, sorted; empty when there is none. */
    public abstract List<String> list(String folder, String suffix) throws IOException;

    /** How a file is named in messages: its path below the root for the classpath, its full path for a directory. */
    public abstract String display(String name);

    private static final class Classpath extends Root {
        private final String prefix;

        Classpath(String prefix) {
            this.prefix = prefix;
        }

        private static ClassLoader loader() {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            return cl != null ? cl : Root.class.getClassLoader();
        }

        @Override
        public String read(String name) throws IOException {
            try (InputStream in = loader().getResourceAsStream(prefix + name)) {
                if (in == null) {
                    throw new NoSuchFileException("classpath:" + prefix + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        @Override
        public boolean exists(String name) {
            return loader().getResource(prefix + name) != null;
        }

        @Override
        public List<String> list(String folder, String suffix) throws IOException {
            String dir = prefix + (folder.endsWith("/") ? folder : folder + "/");
            URL url = loader().getResource(dir);
            List<String> out = new ArrayList<>();
            if (url == null) {
                return out;
            }
            if (url.getProtocol().equals("file")) {
                try {
                    return Directory.listDir(Path.of(url.toURI()), folder, suffix);
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
            }
            if (url.getProtocol().equals("jar")) {
                JarURLConnection c = (JarURLConnection) url.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = c.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String e = entries.nextElement().getName();
                        String rest = e.startsWith(dir) ? e.substring(dir.length()) : null;
                        if (rest != null && !rest.isEmpty() && !rest.contains("/") && rest.endsWith(suffix)) {
                            out.add(e.substring(prefix.length()));
                        }
                    }
                }
                out.sort(null);
                return out;
            }
            throw new IOException("cannot list " + url);
        }

        @Override
        public String display(String name) {
            return name;
        }

        @Override
        public String toString() {
            return "classpath:" + prefix;
        }
    }

    private static final class Directory extends Root {
        private final Path dir;

        Directory(Path dir) {
            this.dir = dir;
        }

        @Override
        public String read(String name) throws IOException {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        }

        @Override
        public boolean exists(String name) {
            return Files.isRegularFile(dir.resolve(name));
        }

        @Override
        public List<String> list(String folder, String suffix) throws IOException {
            return listDir(dir.resolve(folder), folder, suffix);
        }

        static List<String> listDir(Path d, String folder, String suffix) throws IOException {
            if (!Files.isDirectory(d)) {
                return new ArrayList<>();
            }
            String f = folder.endsWith("/") ? folder : folder + "/";
            try (Stream<Path> s = Files.list(d)) {
                return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().map(n -> f + n).toList();
            }
        }

        @Override
        public String display(String name) {
            return dir.resolve(name).toString();
        }

        @Override
        public String toString() {
            return dir.toString();
        }
    }

    private static final class Overlay extends Root {
        private final Root base;
        private final Map<String, String> files;

        Overlay(Root base, Map<String, String> files) {
            this.base = base;
            this.files = Map.copyOf(files);
        }

        @Override
        public String read(String name) throws IOException {
            String text = files.get(name);
            return text != null ? text : base.read(name);
        }

        @Override
        public boolean exists(String name) {
            return files.containsKey(name) || base.exists(name);
        }

        @Override
        public List<String> list(String folder, String suffix) throws IOException {
            TreeSet<String> out = new TreeSet<>(base.list(folder, suffix));
            String f = folder.endsWith("/") ? folder : folder + "/";
            for (String n : files.keySet()) {
                String rest = n.startsWith(f) ? n.substring(f.length()) : null;
                if (rest != null && !rest.isEmpty() && !rest.contains("/") && rest.endsWith(suffix)) {
                    out.add(n);
                }
            }
            return new ArrayList<>(out);
        }

        @Override
        public String display(String name) {
            return files.containsKey(name) ? name + " (in memory)" : base.display(name);
        }

        @Override
        public String toString() {
            return base + " with " + String.join(", ", new TreeSet<>(files.keySet()));
        }
    }
}
