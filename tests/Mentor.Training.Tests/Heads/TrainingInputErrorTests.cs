using Mentor.Training.Heads.Knn;
using Mentor.Training.Heads.Logistic;
using Mentor.Training.Heads;

namespace Mentor.Training.Tests.Heads;

/// <summary>User mistakes in training data give a <see cref="TrainingDataException"/> that names the fix, for every head.</summary>
[Collection(LibtorchCollection.Name)]
public class TrainingInputErrorTests
{
    public static TheoryData<string> Heads => ["logistic", "knn"];

    static Action Fit(string head, float[][] features, int[] labels, int classCount) => head switch
    {
        "logistic" => () => new LogisticRegressionTrainer().Fit(features, labels, classCount),
        _ => () => new KnnTrainer().Fit(features, labels, classCount),
    };

    static float[][] Rows(int count, int dimension = 3) =>
        Enumerable.Range(0, count).Select(i => Enumerable.Range(0, dimension).Select(j => (float)(i + j)).ToArray()).ToArray();

    [Theory, MemberData(nameof(Heads))]
    public void Rows_of_a_single_class_are_refused(string head)
    {
        var error = Assert.Throws<TrainingDataException>(Fit(head, Rows(10), new int[10], classCount: 3));
        Assert.Contains("only one class", error.Message);
        Assert.Contains("at least 2 classes", error.Message);
    }

    [Theory, MemberData(nameof(Heads))]
    public void A_class_count_below_two_is_refused(string head)
    {
        var error = Assert.Throws<TrainingDataException>(Fit(head, Rows(10), new int[10], classCount: 1));
        Assert.Contains("at least 2 classes", error.Message);
    }

    [Theory, MemberData(nameof(Heads))]
    public void More_rows_than_labels_are_refused(string head)
    {
        var error = Assert.Throws<TrainingDataException>(Fit(head, Rows(10), [0, 1, 0], classCount: 2));
        Assert.Contains("10 feature rows but 3 labels", error.Message);
    }

    [Theory, MemberData(nameof(Heads))]
    public void Ragged_rows_are_refused_naming_the_row(string head)
    {
        var rows = Rows(6);
        rows[4] = [1, 2];
        var error = Assert.Throws<TrainingDataException>(Fit(head, rows, [0, 1, 0, 1, 0, 1], classCount: 2));
        Assert.Contains("Row 4", error.Message);
        Assert.Contains("same backbone", error.Message);
    }

    [Theory, MemberData(nameof(Heads))]
    public void A_label_outside_the_classes_is_refused(string head)
    {
        var error = Assert.Throws<TrainingDataException>(Fit(head, Rows(4), [0, 1, 2, 1], classCount: 2));
        Assert.Contains("Label 2", error.Message);
        Assert.Contains("0..1", error.Message);
    }

    [Theory, MemberData(nameof(Heads))]
    public void A_non_finite_feature_is_refused_naming_the_row(string head)
    {
        var rows = Rows(4);
        rows[2][1] = float.NaN;
        var error = Assert.Throws<TrainingDataException>(Fit(head, rows, [0, 1, 0, 1], classCount: 2));
        Assert.Contains("Row 2", error.Message);
        Assert.Contains("non-finite", error.Message);
    }

    [Fact]
    public void Validation_rows_of_another_dimension_are_refused()
    {
        var error = Assert.Throws<TrainingDataException>(() =>
            new LogisticRegressionTrainer().Fit(Rows(6), [0, 1, 0, 1, 0, 1], 2, Rows(2, dimension: 4), [0, 1]));
        Assert.Contains("validation", error.Message);
    }

    [Fact]
    public void Fewer_rows_than_folds_are_refused()
    {
        var error = Assert.Throws<TrainingDataException>(() => new LogisticRegressionTrainer().Fit(Rows(3), [0, 1, 0], 2));
        Assert.Contains("fewer folds", error.Message);
    }
}
