package dev.resface.data;

import java.nio.file.Path;
import java.util.List;

/** File names and the attribute header of an aligned-CelebA folder; SynthFaces writes the same layout. */
public final class CelebaLayout {
    public static final String IMAGES = "img_align_celeba";
    public static final String ATTRIBUTES = "list_attr_celeba.txt";
    public static final String PARTITION = "list_eval_partition.txt";
    public static final String LANDMARKS = "list_landmarks_align_celeba.txt";
    public static final int IMAGE_WIDTH = 178;
    public static final int IMAGE_HEIGHT = 218;

    /** The 40 attribute columns in CelebA's order. */
    public static final List<String> ATTRIBUTE_NAMES = List.of(
            "5_o_Clock_Shadow", "Arched_Eyebrows", "Attractive", "Bags_Under_Eyes", "Bald", "Bangs", "Big_Lips",
            "Big_Nose", "Black_Hair", "Blond_Hair", "Blurry", "Brown_Hair", "Bushy_Eyebrows", "Chubby",
            "Double_Chin", "Eyeglasses", "Goatee", "Gray_Hair", "Heavy_Makeup", "High_Cheekbones", "Male",
            "Mouth_Slightly_Open", "Mustache", "Narrow_Eyes", "No_Beard", "Oval_Face", "Pale_Skin", "Pointy_Nose",
            "Receding_Hairline", "Rosy_Cheeks", "Sideburns", "Smiling", "Straight_Hair", "Wavy_Hair",
            "Wearing_Earrings", "Wearing_Hat", "Wearing_Lipstick", "Wearing_Necklace", "Wearing_Necktie", "Young");

    /** The landmark header of list_landmarks_align_celeba.txt. */
    public static final List<String> LANDMARK_NAMES = List.of(
            "lefteye_x", "lefteye_y", "righteye_x", "righteye_y", "nose_x", "nose_y",
            "leftmouth_x", "leftmouth_y", "rightmouth_x", "rightmouth_y");

    private final Path root;

    public CelebaLayout(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path images() {
        return root.resolve(IMAGES);
    }

    public Path attributes() {
        return root.resolve(ATTRIBUTES);
    }

    public Path partition() {
        return root.resolve(PARTITION);
    }

    public Path landmarks() {
        return root.resolve(LANDMARKS);
    }
}
