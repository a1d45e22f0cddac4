/**
 * What runs show: sample grids, loss and score charts, colour maps and HTML reports.
 */
package dev.resface.report;
