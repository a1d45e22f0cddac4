/**
 * Real face photos other than CelebA (face-api's and dlib's example photos), aligned into CelebA's layout, for
 * generalisation tests.
 */
package dev.resface.data.real;
