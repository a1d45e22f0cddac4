/**
 * Images in memory and on disk: RGB pixels, reading and writing with EXIF orientation, warps and similarity
 * alignment, mask dilation.
 */
package dev.resface.image;
