/**
 * Face data in CelebA's layout: attribute and partition tables, crops, the packed image cache training reads, and the
 * balanced splits of faces with and without an attribute.
 */
package dev.resface.data;
