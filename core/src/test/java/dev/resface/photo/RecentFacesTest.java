package dev.resface.photo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memo of found faces: what it finds again and what it forgets. */
class RecentFacesTest {
    private final List<RgbImage> searched = new ArrayList<>();

    /** Finds no face, but says which photo it looked at. */
    private List<PhotoFace> find(RgbImage photo) {
        searched.add(photo);
        return List.of();
    }

    private static RgbImage photo(int shade) {
        RgbImage p = RgbImage.blank(5, 4);
        p.set(2, 3, 1, shade);
        return p;
    }

    @Test
    void samePixelsAreFoundOnceAndOnePixelMoreIsANewPhoto() {
        RecentFaces recent = new RecentFaces(4);
        List<PhotoFace> first = recent.get(photo(7), this::find);
        // another array with the same pixels: the memo looks at content, not identity
        assertThat(recent.get(photo(7), this::find)).isSameAs(first);
        assertThat(searched).hasSize(1);
        recent.get(photo(8), this::find);
        assertThat(searched).hasSize(2);
        // same bytes, other shape
        recent.get(new RgbImage(4, 5, photo(7).pixels()), this::find);
        assertThat(searched).hasSize(3);
    }

    @Test
    void theLeastRecentlyUsedPhotoIsForgotten() {
        RecentFaces recent = new RecentFaces(2);
        recent.get(photo(1), this::find);
        recent.get(photo(2), this::find);
        recent.get(photo(1), this::find); // 1 is now the most recent
        recent.get(photo(3), this::find); // forgets 2
        assertThat(searched).hasSize(3);
        recent.get(photo(1), this::find);
        assertThat(searched).hasSize(3);
        recent.get(photo(2), this::find);
        assertThat(searched).hasSize(4);
    }
}
