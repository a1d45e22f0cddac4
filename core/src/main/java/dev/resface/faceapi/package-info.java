/**
 * A port of @vladmandic/face-api's networks (SSD face detector, landmarks, recognition, age and gender, expression)
 * from their TF.js weights, used to find faces in photos and to score edits.
 */
package dev.resface.faceapi;
