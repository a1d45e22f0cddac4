package dev.resface.data;

import dev.resface.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An aligned-CelebA folder (or a SynthFaces one) with its lists joined: images in the order of
 * {@code list_attr_celeba.txt}, each with its labels, partition and, when the landmark list exists, landmarks.
 * Index {@code i} below is this "dataset index".
 */
public final class CelebaDataset {
    private final CelebaLayout layout;
    private final AttributeTable attributes;
    private final Partition[] partitions;
    private final Landmarks[] landmarks; // null when the landmark list is absent

    private CelebaDataset(CelebaLayout layout, AttributeTable attributes, Partition[] partitions,
            Landmarks[] landmarks) {
        this.layout = layout;
        this.attributes = attributes;
        this.partitions = partitions;
        this.landmarks = landmarks;
    }

    /**
     * Reads the lists under {@code root}. The attribute and partition lists and the image folder are required; the
     * landmark list is optional, but when present it must cover every image.
     */
    public static CelebaDataset open(Path root) {
        if (!Files.isDirectory(root)) {
            throw BadInputException.at(root, Files.exists(root) ? "is not a folder, expected a CelebA folder"
                    : "CelebA folder not found");
        }
        CelebaLayout layout = new CelebaLayout(root);
        AttributeTable attributes = AttributeTable.read(layout.attributes());
        Partition[] partitions = partitions(attributes, PartitionList.read(layout.partition()));
        Landmarks[] landmarks = Files.exists(layout.landmarks())
                ? landmarks(attributes, LandmarkTable.read(layout.landmarks())) : null;
        if (!Files.isDirectory(layout.images())) {
            throw BadInputException.at(layout.images(), "image folder not found (expected the aligned CelebA JPEGs)");
        }
        return new CelebaDataset(layout, attributes, partitions, landmarks);
    }

    /** Each image's partition; the lists must name the same images. */
    private static Partition[] partitions(AttributeTable attributes, PartitionList list) {
        int n = attributes.size();
        Partition[] partitions = new Partition[n];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            partitions[i] = list.of(attributes.imageNames().get(i));
            if (partitions[i] == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            int first = missing.get(0);
            throw BadInputException.at(list.file(), "has no partition for " + missing.size() + " of the "
                    + n + " images of " + CelebaLayout.ATTRIBUTES + ", e.g. " + attributes.imageNames().get(first)
                    + " (" + CelebaLayout.ATTRIBUTES + " line " + attributes.lineOf(first) + ")");
        }
        // Every image has a partition and both lists refuse duplicates, so only a longer list names strangers.
        if (list.size() > n) {
            Set<String> known = new HashSet<>(attributes.imageNames());
            List<String> unknown = list.imageNames().stream().filter(name -> !known.contains(name))
                    .sorted(Comparator.comparingInt(list::lineOf)).toList();
            String first = unknown.get(0);
            throw BadInputException.at(list.file(), list.lineOf(first), first + " is not an image of "
                    + CelebaLayout.ATTRIBUTES + " (" + unknown.size() + " of the " + list.size()
                    + " images listed here are not)");
        }
        return partitions;
    }

    /** Each image's landmarks; the table must cover every image. */
    private static Landmarks[] landmarks(AttributeTable attributes, LandmarkTable table) {
        int n = attributes.size();
        Landmarks[] landmarks = new Landmarks[n];
        int absent = 0;
        int firstAbsent = -1;
        for (int i = 0; i < n; i++) {
            landmarks[i] = table.of(attributes.imageNames().get(i));
            if (landmarks[i] == null && absent++ == 0) {
                firstAbsent = i;
            }
        }
        if (absent > 0) {
            throw BadInputException.at(table.file(), "has no landmarks for " + absent + " of the " + n
                    + " images of " + CelebaLayout.ATTRIBUTES + ", e.g. " + attributes.imageNames().get(firstAbsent)
                    + " (" + CelebaLayout.ATTRIBUTES + " line " + attributes.lineOf(firstAbsent)
                    + "); fix it or remove the landmark list");
        }
        return landmarks;
    }

    public CelebaLayout layout() {
        return layout;
    }

    public Path root() {
        return layout.root();
    }

    public AttributeTable attributes() {
        return attributes;
    }

    public int size() {
        return attributes.size();
    }

    /** Image names in the attribute list's order. */
    public List<String> imageNames() {
        return attributes.imageNames();
    }

    public String imageName(int i) {
        return attributes.imageNames().get(i);
    }

    public Path imagePath(int i) {
        return layout.images().resolve(imageName(i));
    }

    public boolean label(int i, FaceAttribute attribute) {
        return attributes.label(i, attributes.column(attribute.celebaName()));
    }

    /** The label of any attribute column, by its exact header name. */
    public boolean label(int i, String attribute) {
        return attributes.label(i, attribute);
    }

    public Partition partition(int i) {
        return partitions[i];
    }

    public boolean hasLandmarks() {
        return landmarks != null;
    }

    public Optional<Landmarks> landmarks(int i) {
        return landmarks == null ? Optional.empty() : Optional.of(landmarks[i]);
    }
}
