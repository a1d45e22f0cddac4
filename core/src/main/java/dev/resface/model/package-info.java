/**
 * The networks: Table 1's generators and discriminator (and the variants measured beside them), the residual GAN that
 * holds G0, G1 and D, and the interface every method edits through.
 */
package dev.resface.model;
