/**
 * Editing faces in any photo: find them (face-api's detector, dlib's landmarks), align each to the training crop,
 * edit, and paste the edit back.
 */
package dev.resface.photo;
