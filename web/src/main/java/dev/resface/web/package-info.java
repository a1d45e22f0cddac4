/**
 * serve: a web page and a JSON API that edit uploaded photos with chosen runs, through the same photo pipeline, one
 * edit at a time per worker.
 */
package dev.resface.web;
