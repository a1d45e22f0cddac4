/**
 * Small shared utilities: atomic file writes, progress bars, log lines, JSON, peak memory, temporary folders.
 */
package dev.resface.util;
