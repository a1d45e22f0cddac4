/**
 * The libtorch engine as resface uses it: device choice, thread and denormal settings, the machine's description, and
 * small helpers for what DJL does not expose.
 */
package dev.resface.engine;
