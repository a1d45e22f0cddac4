/**
 * spark-edit: a photo collection edited on a Spark cluster through the same photo pipeline, chunk by chunk,
 * resumable.
 */
package dev.resface.spark;
