/**
 * The gallery: the paper's six attributes trained on SynthFaces, each both ways, scored against the truth and shown
 * in one figure and report.
 */
package dev.resface.gallery;
