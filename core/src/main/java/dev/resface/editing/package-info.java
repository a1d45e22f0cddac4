/**
 * Applying a trained run to aligned face crops, at any strength; the photo pipeline, the web server and Spark all
 * edit through it.
 */
package dev.resface.editing;
