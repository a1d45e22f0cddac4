package dev.resface.evaluation;

import dev.resface.model.Direction;

/**
 * Everything measured on one edited test face. NaN where a scorer is missing: no classifier (probabilities), no
 * attribute region (detail), no true counterpart (truth), no face-api package (face-api's readings), an attribute
 * face-api does not score (its attribute values).
 *
 * @param classifier the project's classifier on the input and on the edit
 * @param detail change outside the attribute region
 * @param truth the edit against the true counterpart, where the dataset has one
 * @param faceApi face-api's nets on the input and on the edit
 * @param sideEffects what the edit changes besides its attribute
 */
public record EditScore(int datasetIndex, String image, Direction direction, Classifier classifier,
        DetailPreservation detail, TruthComparison truth, FaceApi faceApi, SideEffects sideEffects) {

    /**
     * @param probabilityInput the classifier's P(attribute) on the input
     * @param probabilityEdited the same on the edited face
     */
    public record Classifier(double probabilityInput, double probabilityEdited) {}

    /**
     * @param identityDistance descriptor distance between input and edit (same person below 0.6)
     * @param identityCosine cosine similarity of the two descriptors
     * @param attributeInput face-api's own value for the attribute on the input (P(male), age or P(happy))
     * @param attributeEdited the same on the edit
     * @param success 1 when face-api's value says the edit has the target value, else 0
     * @param alreadyThere 1 when it says the input already had it, else 0
     */
    public record FaceApi(double identityDistance, double identityCosine, double attributeInput,
            double attributeEdited, double success, double alreadyThere) {
        public static final FaceApi NONE = new FaceApi(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }

    /**
     * @param hairChange mean absolute change inside the hair region, grey levels (decorrelation: a No_Beard edit
     *     should leave the hair alone), against the input
     * @param hairChangeFromZero the same against the model's strength-0 output (its reconstruction, for a latent
     *     model): what the edit itself does to the hair
     * @param maleShift the classifier's P(Male) on the edit minus on the input
     * @param faceApiMaleShift |face-api's P(male) on the edit minus on the strength-0 output|
     * @param reconstructionPsnr PSNR of the strength-0 output to the input, dB: how well a latent model reconstructs;
     *     NaN for a model that gives the input back
     */
    public record SideEffects(double hairChange, double hairChangeFromZero, double maleShift, double faceApiMaleShift,
            double reconstructionPsnr) {}

    /** Whether the classifier gives the edited face the value the edit aims at (added: present, removed: absent). */
    public boolean succeeded() {
        return hasTarget(classifier.probabilityEdited());
    }

    /** Whether the unedited face already had the target value: the rate an edit must beat. */
    public boolean alreadyThere() {
        return hasTarget(classifier.probabilityInput());
    }

    private boolean hasTarget(double p) {
        return direction == Direction.ADD ? p >= 0.5 : p < 0.5;
    }

    /** P(target value) on the edit: high is a convincing edit. */
    public double targetProbability() {
        double p = classifier.probabilityEdited();
        return direction == Direction.ADD ? p : 1 - p;
    }

    public double psnrGain() {
        return truth.psnrGain();
    }
}
