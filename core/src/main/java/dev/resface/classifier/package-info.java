/**
 * The attribute classifier that judges edits (a small CNN over the six attributes at 32px), its training and its
 * scores.
 */
package dev.resface.classifier;
