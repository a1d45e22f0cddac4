package dev.resface.data;

import dev.resface.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The six CelebA attributes the paper manipulates. Local ones change a small region, global ones the whole face. */
public enum FaceAttribute {
    EYEGLASSES("Eyeglasses", true),
    MOUTH_SLIGHTLY_OPEN("Mouth_Slightly_Open", true),
    SMILING("Smiling", true),
    NO_BEARD("No_Beard", true),
    MALE("Male", false),
    YOUNG("Young", false);

    private final String celebaName;
    private final boolean local;

    FaceAttribute(String celebaName, boolean local) {
        this.celebaName = celebaName;
        this.local = local;
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
