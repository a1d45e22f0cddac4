/**
 * Speed and memory benchmarks, and the race against PyTorch: the same networks, losses and data in both, checked to
 * compute the same losses before they are timed.
 */
package dev.resface.bench;
