package dev.resface.data;

import dev.resface.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The six CelebA attributes the paper manipulates. Local ones change a small region, global ones the whole face. */
public enum FaceAttribute {
    EYEGLASSES("Eyeglasses", true, "+glasses", "-glasses"),
    MOUTH_SLIGHTLY_OPEN("Mouth_Slightly_Open", true, "+open mouth", "-open mouth"),
    SMILING("Smiling", true, "+smile", "-smile"),
    // The attribute is the absence of a beard: adding it shaves, removing it grows one.
    NO_BEARD("No_Beard", true, "-beard", "+beard"),
    MALE("Male", false, "+male", "+female"),
    YOUNG("Young", false, "+young", "+old");

    private final String celebaName;
    private final boolean local;
    private final String addWords;
    private final String removeWords;

    FaceAttribute(String celebaName, boolean local, String addWords, String removeWords) {
        this.celebaName = celebaName;
        this.local = local;
        this.addWords = addWords;
        this.removeWords = removeWords;
    }

    /** What an edit in this direction does to a face, as a figure labels it ("+beard" for removing No_Beard). */
    public String words(boolean adding) {
        return adding ? addWords : removeWords;
    }

    /** The column name in list_attr_celeba.txt. */
    public String celebaName() {
        return celebaName;
    }

    public boolean isLocal() {
        return local;
    }

    /** Accepts the CelebA spelling in any case, with or without underscores ("eyeglasses", "mouth-slightly-open"). */
    public static FaceAttribute parse(String text) {
        String key = normalize(text);
        for (FaceAttribute a : values()) {
            if (normalize(a.celebaName).equals(key)) {
                return a;
            }
        }
        throw new BadInputException("unknown attribute '" + text + "'; expected one of "
                + Arrays.stream(values()).map(FaceAttribute::celebaName).collect(Collectors.joining(", ")));
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
