using Mentor.Training.Heads.Knn;
using Mentor.Training.Heads;

namespace Mentor.Training.Tests.Heads;

[Collection(LibtorchCollection.Name)]
public class KnnTrainerTests
{
    // Class 0 points right, class 1 points up; lengths differ on purpose (cosine ignores them).
    static readonly float[][] Points = [[1, 0], [9, 1], [5, -0.5f], [0, 1], [0.2f, 3]];
    static readonly int[] PointLabels = [0, 0, 0, 1, 1];

    [Fact]
    public void The_nearest_neighbours_by_angle_vote()
    {
        // Given a fixed k of 3
        var model = new KnnTrainer(new() { K = 3 }).Fit(Points, PointLabels, 2);

        // When asked about a long vector pointing almost right
        float[] probabilities = model.PredictProbabilities([100, 2]);

        // Then the three right-pointing rows are nearest and win every vote
        Assert.Equal(new float[] { 1, 0 }, probabilities);
        Assert.Equal(0, model.Predict([100, 2]));
        Assert.Equal(1, model.Predict([0.1f, 0.5f]));
    }

    [Fact]
    public void A_tied_vote_goes_to_the_lower_class_index_as_in_the_model_file()
    {
        // Given one row per class and k = 2, so every query gets one vote from each
        var model = new KnnTrainer(new() { K = 2 }).Fit([[1, 0], [0, 1]], [0, 1], 2);

        // Then probabilities are even, and the prediction is the arg-max's: the lower class index, however similar
        Assert.Equal(new float[] { 0.5f, 0.5f }, model.PredictProbabilities([1, 0.9f]));
        Assert.Equal(0, model.Predict([1, 0.9f]));
        Assert.Equal(0, model.Predict([0.9f, 1]));
    }

    [Fact]
    public void Rows_as_similar_as_the_kth_all_vote()
    {
        // Given k = 1 and two identical rows of different classes
        var model = new KnnTrainer(new() { K = 1 }).Fit([[1, 0], [1, 0], [0, 1]], [1, 0, 1], 2);

        // When a query points the same way, both rows tie for the nearest place and both vote
        Assert.Equal(new float[] { 0.5f, 0.5f }, model.PredictProbabilities([2, 0]));
        Assert.Equal(0, model.Predict([2, 0]));
    }

    [Fact]
    public void Training_rows_are_stored_at_unit_length()
    {
        var model = new KnnTrainer(new() { K = 1 }).Fit(Points, PointLabels, 2);

        float[] rows = model.Features.ToArray();
        for (int i = 0; i < model.Rows; i++)
        {
            double length = Math.Sqrt(rows[(2 * i)..(2 * i + 2)].Sum(v => v * v));
            Assert.Equal(1, length, 5);
        }
        Assert.Equal(PointLabels, model.Labels.ToArray());
    }

    [Fact]
    public void Cross_validation_picks_k_and_is_deterministic()
    {
        // Given overlapping classes, where a single neighbour is noisy
        var (features, labels) = Synthetic.Blobs([120, 120, 120], dimension: 10, spread: 0.6, seed: 21);
        for (int i = 0; i < features.Length; i++) features[i] = features[i].Select(v => v + 3f).ToArray();

        // When k is cross-validated twice with the same seed
        var model = new KnnTrainer().Fit(features, labels, 3);
        var again = new KnnTrainer().Fit(features, labels, 3);

        // Then every candidate is scored, the best one is chosen, and the result repeats
        Assert.Equal(KnnOptions.DefaultCandidates, model.Scores.Select(s => s.K));
        Assert.Equal(model.Scores.Max(s => s.Accuracy), model.Scores.Single(s => s.K == model.K).Accuracy);
        Assert.True(model.K > 1, $"k = {model.K}");
        Assert.Equal(model.Scores, again.Scores);
    }

    [Fact]
    public void A_k_larger_than_the_data_is_refused()
    {
        var error = Assert.Throws<TrainingDataException>(() => new KnnTrainer(new() { K = 9 }).Fit(Points, PointLabels, 2));
        Assert.Contains("only 5 training rows", error.Message);
    }
}
