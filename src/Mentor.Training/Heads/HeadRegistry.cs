using Mentor.Training.Heads.Knn;
using Mentor.Training.Heads.Logistic;
using Mentor.Training.Heads.Mlp;

namespace Mentor.Training.Heads;

/// <summary>
/// The head kinds Mentor trains, one line each, registered in code (no reflection). Every caller that fits a head by
/// name (the classifier trainer, the comparison, the command line's choices and help) goes through here; the
/// inference library reads the same kinds back from model files through <see cref="Mentor.Heads.HeadFormats"/>.
/// </summary>
public static class HeadRegistry
{
    /// <summary>Every head kind, the default (logistic regression) first, then k-NN and the MLP.</summary>
    public static IReadOnlyList<IHeadKind> All { get; } = [new LogisticHeadKind(), new KnnHeadKind(), new MlpHeadKind()];

    /// <summary>The kind used when none is named.</summary>
    public static string DefaultName => All[0].Name;

    /// <summary>The kinds' names (<c>logistic</c>, <c>knn</c>, <c>mlp</c>), in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(k => k.Name)];

    /// <summary>The kind called <paramref name="name"/>.</summary>
    /// <exception cref="UnknownHeadException">No kind has that name.</exception>
    public static IHeadKind Get(string name) =>
        All.FirstOrDefault(k => k.Name == name) ?? throw new UnknownHeadException(name, Names);
}
