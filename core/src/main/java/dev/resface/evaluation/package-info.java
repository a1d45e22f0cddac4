/**
 * Scoring edits: against the true counterpart where the data has one (PSNR gain, remnant in the mask, change outside
 * it, SSIM), by the classifier, by face-api's nets, and per run as eval's report.
 */
package dev.resface.evaluation;
