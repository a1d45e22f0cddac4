package dev.resface.spark;

import dev.resface.util.AtomicFiles;
import dev.resface.util.TempFolders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The job's files where a cluster keeps them. A path with a scheme ({@code hdfs://}, {@code s3a://}, {@code file://})
 * goes through Spark's own Hadoop client, with the job's Hadoop settings ({@code --conf spark.hadoop.*}) on the driver
 * and on every executor; a path without one is the local disk, read and written as before, so that a local job's
 * table keeps its plain paths and a rerun of an earlier one still finds them.
 */
public final class ClusterFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/.*");
    /** The Hadoop settings in their own wire form: Configuration is Writable, not Serializable. */
    private final byte[] settings;
    private transient Configuration hadoop;

    ClusterFiles(Configuration hadoop) {
        this.hadoop = hadoop;
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            hadoop.write(out);
            out.flush();
            this.settings = bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True for a path that names its file system: those go through Hadoop. */
    public static boolean remote(String path) {
        return SCHEME.matcher(path).matches();
    }

    /** {@code child} inside the folder {@code parent}, in the parent's form. */
    public static String resolve(String parent, String child) {
        if (!remote(parent)) {
            return Path.of(parent).resolve(child).toString();
        }
        return new org.apache.hadoop.fs.Path(parent, child).toString();
    }

    /** A local path made absolute; a remote one as it is. */
    public static String absolute(String path) {
        return remote(path) ? path : Path.of(path).toAbsolutePath().normalize().toString();
    }

    /** The folder a path is in, in the path's form. */
    static String parent(String path) {
        if (!remote(path)) {
            return Path.of(path).toAbsolutePath().getParent().toString();
        }
        return new org.apache.hadoop.fs.Path(path).getParent().toString();
    }

    boolean exists(String path) throws IOException {
        return remote(path) ? onRemote(path, FileSystem::exists) : Files.exists(Path.of(path));
    }

    boolean isDirectory(String path) throws IOException {
        return remote(path) ? onRemote(path, (fs, p) -> status(fs, p).map(FileStatus::isDirectory).orElse(false))
                : Files.isDirectory(Path.of(path));
    }

    boolean isFile(String path) throws IOException {
        return remote(path) ? onRemote(path, (fs, p) -> status(fs, p).map(FileStatus::isFile).orElse(false))
                : Files.isRegularFile(Path.of(path));
    }

    void mkdirs(String path) throws IOException {
        if (remote(path)) {
            onRemote(path, FileSystem::mkdirs);
        } else {
            Files.createDirectories(Path.of(path));
        }
    }

    /** Every file under a folder, in name order: local ones absolute, remote ones as full URIs. */
    List<String> filesUnder(String folder) throws IOException {
        if (!remote(folder)) {
            try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                return walk.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().toString()).sorted().toList();
            }
        }
        return onRemote(folder, (fs, p) -> {
            List<String> files = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
            while (it.hasNext()) {
                files.add(it.next().getPath().toString());
            }
            files.sort(null);
            return files;
        });
    }

    /** What {@link #read} throws for a folder. */
    static final class FolderException extends IOException {
        private static final long serialVersionUID = 1L;

        FolderException(String path) {
            super(path + ": is a folder");
        }
    }

    /**
     * @throws FileNotFoundException where there is no such file, remote or local
     * @throws FolderException where the path is a folder
     */
    byte[] read(String path) throws IOException {
        if (!remote(path)) {
            if (Files.isDirectory(Path.of(path))) {
                throw new FolderException(path);
            }
            try {
                return Files.readAllBytes(Path.of(path));
            } catch (NoSuchFileException e) {
                throw new FileNotFoundException(path);
            }
        }
        return onRemote(path, (fs, p) -> {
            if (fs.getFileStatus(p).isDirectory()) {
                throw new FolderException(path);
            }
            try (var in = fs.open(p)) {
                return in.readAllBytes();
            }
        });
    }

    String readString(String path) throws IOException {
        return new String(read(path), StandardCharsets.UTF_8);
    }

    /**
     * All or nothing: a remote file is written beside its name and renamed onto it (atomic on HDFS; on object stores
     * such as S3 a rename is a copy, but the hidden name keeps a half-written file from being taken for a result).
     */
    void write(String path, byte[] bytes) throws IOException {
        if (!remote(path)) {
            AtomicFiles.writeBytes(Path.of(path), bytes);
            return;
        }
        onRemote(path, (fs, target) -> {
            org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName()
                    + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try (FSDataOutputStream out = fs.create(tmp, false)) {
                out.write(bytes);
            }
            fs.delete(target, false);
            if (!fs.rename(tmp, target)) {
                fs.delete(tmp, false);
                throw new IOException("could not rename the written file onto it");
            }
            return null;
        });
    }

    void writeString(String path, String text) throws IOException {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Renames a file or folder; false where {@code from} is not there. */
    boolean move(String from, String to) throws IOException {
        if (!remote(from)) {
            if (!Files.exists(Path.of(from))) {
                return false;
            }
            Files.move(Path.of(from), Path.of(to));
            return true;
        }
        return onRemote(from, (fs, p) -> fs.exists(p) && fs.rename(p, hadoopPath(to)));
    }

    /** Deletes a file or a folder with everything in it; nothing where there is nothing. */
    void delete(String path) throws IOException {
        if (remote(path)) {
            onRemote(path, (fs, p) -> fs.delete(p, true));
        } else {
            TempFolders.delete(Path.of(path));
        }
    }

    /** A call on a remote path's file system. */
    @FunctionalInterface
    private interface RemoteCall<T> {
        T on(FileSystem fs, org.apache.hadoop.fs.Path path) throws IOException;
    }

    /**
     * Runs {@code call} on the path's file system; a failure other than a missing file or a folder (a file system
     * that cannot be reached, a refused permission) comes back naming the path, on one line.
     */
    private <T> T onRemote(String path, RemoteCall<T> call) throws IOException {
        try {
            return call.on(hadoopPath(path).getFileSystem(configuration()), hadoopPath(path));
        } catch (FileNotFoundException | FolderException e) {
            throw e;
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("").replaceAll(";? *For more details see:.*", "");
            throw new IOException(path + ": " + reason.strip(), e);
        }
    }

    private static Optional<FileStatus> status(FileSystem fs, org.apache.hadoop.fs.Path p) throws IOException {
        try {
            return Optional.of(fs.getFileStatus(p));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    private static org.apache.hadoop.fs.Path hadoopPath(String path) {
        return new org.apache.hadoop.fs.Path(path);
    }

    private synchronized Configuration configuration() throws IOException {
        if (hadoop == null) {
            Configuration c = new Configuration(false);
            c.readFields(new DataInputStream(new ByteArrayInputStream(settings)));
            hadoop = c;
        }
        return hadoop;
    }
}
