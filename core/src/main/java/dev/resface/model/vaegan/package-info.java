/**
 * The VAE-GAN baseline (Larsen et al. 2016) as the authors' code builds it: encoder, decoder, discriminator and their
 * start weights.
 */
package dev.resface.model.vaegan;
