/**
 * dlib's 68-point shape predictor, read from its own file format and run in Java.
 */
package dev.resface.landmarks;
