using Mentor.Training.Heads.Logistic;
using Mentor.Training.Heads;

namespace Mentor.Training.Tests.Heads;

public class LinearClassifierTests
{
    // Two features, three classes: logits = W x + b.
    static readonly LinearClassifier Model = new(
        weights: [1, 0, 0, 1, -1, -1],
        bias: [0, 0.5f, 0],
        c: 0.1,
        l2Strength: 0.01,
        scores: []);

    [Fact]
    public void Logits_are_W_x_plus_b()
    {
        Assert.Equal(new float[] { 2, 3.5f, -5 }, Model.Logits([2, 3]));
    }

    [Fact]
    public void Probabilities_are_the_softmax_of_the_logits()
    {
        float[] probabilities = Model.PredictProbabilities([2, 3]);

        double total = Math.Exp(2) + Math.Exp(3.5) + Math.Exp(-5);
        Assert.Equal(Math.Exp(2) / total, probabilities[0], 6);
        Assert.Equal(Math.Exp(3.5) / total, probabilities[1], 6);
        Assert.Equal(1.0, probabilities.Sum(), 6);
        Assert.Equal(1, Model.Predict([2, 3]));
    }

    [Fact]
    public void Huge_logits_do_not_overflow()
    {
        float[] probabilities = Model.PredictProbabilities([1e6f, 0]);

        Assert.Equal(1.0, probabilities[0], 6);
        Assert.All(probabilities, p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void The_weights_are_a_copy_and_per_class_rows()
    {
        float[] weights = [1, 2, 3, 4];
        var model = new LinearClassifier(weights, [0, 0], 1, 1, []);
        weights[0] = 100;

        Assert.Equal(new float[] { 1, 2 }, model.WeightsOf(0).ToArray());
        Assert.Equal(new float[] { 3, 4 }, model.WeightsOf(1).ToArray());
        Assert.Equal(2, model.Dimension);
    }

    [Fact]
    public void A_feature_vector_of_the_wrong_length_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Model.Predict([1, 2, 3]));
        Assert.Contains("takes 2 features but got 3", error.Message);
    }
}
