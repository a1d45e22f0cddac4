package dev.resface.data.real;

import dev.resface.BadInputException;
import dev.resface.landmarks.Box;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The annotated faces of dlib's example photos (Debian package {@code libdlib19.1}): the two imglab XML files list
 * face boxes with the 68 points dlib's {@code shape_predictor_68_face_landmarks.dat} gives for them.
 */
public final class DlibExampleFaces {
    public static final Path DEFAULT_FOLDER = Path.of("/usr/share/doc/libdlib19.1/examples/faces");
    public static final List<String> FILES = List.of("training_with_face_landmarks.xml",
            "testing_with_face_landmarks.xml");

    /** One box; {@code points} holds x0, y0, ..., x67, y67 as written in the XML. */
    public record AnnotatedFace(Path image, Box box, int[] points) {}

    private DlibExampleFaces() {}

    /** Every annotated face of both files, in file order. */
    public static List<AnnotatedFace> read(Path folder) {
        List<AnnotatedFace> out = new ArrayList<>();
        for (String name : FILES) {
            out.addAll(parse(folder, existing(folder, name)));
        }
        return out;
    }

    /** Debian compresses some example files; either form is accepted. */
    private static Path existing(Path folder, String name) {
        for (String candidate : new String[] {name, name + ".gz"}) {
            Path p = folder.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw BadInputException.at(folder.resolve(name),
                "not found (nor .gz): install Debian's libdlib19.1, e.g. with ./setup.sh");
    }

    private static List<AnnotatedFace> parse(Path folder, Path xml) {
        Document doc;
        try (InputStream raw = Files.newInputStream(xml);
                InputStream in = xml.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // the files name a stylesheet and no DTD; never fetch anything while parsing
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            doc = f.newDocumentBuilder().parse(in);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw BadInputException.at(xml, "not a readable imglab XML file: " + e.getMessage());
        }
        List<AnnotatedFace> out = new ArrayList<>();
        NodeList images = doc.getElementsByTagName("image");
        for (int i = 0; i < images.getLength(); i++) {
            Element image = (Element) images.item(i);
            Path file = folder.resolve(image.getAttribute("file"));
            NodeList boxes = image.getElementsByTagName("box");
            for (int b = 0; b < boxes.getLength(); b++) {
                out.add(face(xml, file, (Element) boxes.item(b)));
            }
        }
        return out;
    }

    private static AnnotatedFace face(Path xml, Path image, Element box) {
        try {
            NodeList parts = box.getElementsByTagName("part");
            int[] points = new int[2 * parts.getLength()];
            for (int p = 0; p < parts.getLength(); p++) {
                Element part = (Element) parts.item(p);
                int idx = Integer.parseInt(part.getAttribute("name"));
                if (idx < 0 || idx >= parts.getLength()) {
                    throw BadInputException.at(xml, "part name " + idx + " out of range for " + image.getFileName());
                }
                points[2 * idx] = Integer.parseInt(part.getAttribute("x"));
                points[2 * idx + 1] = Integer.parseInt(part.getAttribute("y"));
            }
            return new AnnotatedFace(image, new Box(number(box, "left"), number(box, "top"), number(box, "width"),
                    number(box, "height")), points);
        } catch (IllegalArgumentException e) {
            throw BadInputException.at(xml, "bad box for " + image.getFileName() + ": " + e.getMessage());
        }
    }

    private static int number(Element e, String attribute) {
        return Integer.parseInt(e.getAttribute(attribute));
    }
}
