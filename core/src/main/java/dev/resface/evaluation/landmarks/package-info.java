/**
 * The paper's Table 2: how far dlib's 68 landmarks move when an attribute is edited.
 */
package dev.resface.evaluation.landmarks;
