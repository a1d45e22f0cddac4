package dev.resface.data.synth;

/** What No_Beard = -1 draws. Stubble and moustache-only are subtle on purpose, like many CelebA No_Beard negatives. */
public enum BeardStyle {
    STUBBLE,
    FULL,
    GOATEE,
    MOUSTACHE
}
