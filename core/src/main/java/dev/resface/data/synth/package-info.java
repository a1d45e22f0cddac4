/**
 * SynthFaces: procedurally drawn faces in CelebA's layout, each with its true counterpart (one attribute flipped) and
 * the mask of pixels that attribute may change, so that every edit can be scored against the truth.
 */
package dev.resface.data.synth;
