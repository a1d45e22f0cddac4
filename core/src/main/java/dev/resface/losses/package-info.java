/**
 * The losses of docs/method.md, 3: D's three classes, the adversarial, dual, residual and perceptual terms of the
 * residual GAN, and VAE-GAN's.
 */
package dev.resface.losses;
