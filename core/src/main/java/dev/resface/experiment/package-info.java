/**
 * The paper's comparisons: methods and ablations trained over seeds, their scores summarised, and the claims of the
 * paper and of the project judged against them.
 */
package dev.resface.experiment;
