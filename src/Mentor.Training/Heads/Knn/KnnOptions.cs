namespace Mentor.Training.Heads.Knn;

/// <summary>Settings for <see cref="KnnTrainer"/>: cosine k-nearest-neighbours on L2-normalised features.</summary>
public sealed record KnnOptions
{
    /// <summary>Neighbour counts tried when <see cref="K"/> is null.</summary>
    public static IReadOnlyList<int> DefaultCandidates { get; } = [1, 3, 5, 7, 9, 11, 15, 21];

    /// <summary>A fixed neighbour count: no search, no libtorch. Null (default): chosen by cross-validation.</summary>
    public int? K { get; init; }

    /// <summary>Neighbour counts to cross-validate; null: <see cref="DefaultCandidates"/>.</summary>
    public IReadOnlyList<int>? Candidates { get; init; }

    /// <summary>Stratified cross-validation folds for choosing K.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed of the fold assignment.</summary>
    public int Seed { get; init; }

    /// <summary>libtorch threads during the search (restored afterwards); null leaves libtorch's setting.</summary>
    public int? Threads { get; init; }
}
