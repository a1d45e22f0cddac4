/**
 * Training runs: the run folder, configuration, data feed, optimisers, checkpoints with bit-exact resume, and one
 * trainer per method, driven by the same loop.
 */
package dev.resface.training;
