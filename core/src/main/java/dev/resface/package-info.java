/**
 * resface: face attribute editing by residual images (Shen and Liu, CVPR 2017) on DJL and libtorch. {@link
 * dev.resface.BadInputException} is the one error every front end turns into a one-line message.
 */
package dev.resface;
