/**
 * The command line: one picocli command per verb (train, edit, eval, demo, gallery, experiment, serve, spark-edit,
 * bench, ...), each turning its flags into the configuration records of core and calling it; bad input ends in one
 * line and exit code 2.
 */
package dev.resface.cli;
