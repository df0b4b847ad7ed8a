using Mentor.Heads.Knn;

namespace Mentor.Training.Heads.Knn;

/// <summary>Cosine k-nearest-neighbours (<see cref="KnnTrainer"/>) giving a <see cref="KnnHead"/>.</summary>
public sealed class KnnHeadKind : IHeadKind
{
    /// <inheritdoc/>
    public string Name => KnnHead.Name;

    /// <inheritdoc/>
    public string Description => "cosine k-nearest-neighbours, k chosen by cross-validation: for one to a few photos per class";

    /// <inheritdoc/>
    public FittedHead Fit(HeadTrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var knn = new KnnTrainer(new KnnOptions { Seed = data.Seed, Folds = data.Folds, K = (int?)KnownSettings.Number(data.KnownSetting, "k") }).Fit(data.TransformedFeatures(), data.Targets, data.ClassCount);
        return new FittedHead(knn.ToHead(data.Transform), $"k={knn.K}");
    }
}
