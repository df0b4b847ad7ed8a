using Mentor.Heads;

namespace Mentor.Training.Heads;

/// <summary>A head fitted by an <see cref="IHeadKind"/>, and what its search chose (e.g. <c>C=0.01</c>, <c>k=5</c>, <c>epoch=37</c>).</summary>
/// <param name="Head">The fitted head, applying to raw features (its transform included).</param>
/// <param name="Chosen">The setting the kind's search chose, for reports and the model file's metadata.</param>
public sealed record FittedHead(ClassifierHead Head, string Chosen);
