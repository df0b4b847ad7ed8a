namespace Mentor.Training.Heads;

/// <summary>
/// One head kind on the training side, as <see cref="HeadRegistry"/> lists it: a name, a line of help, and a fit from
/// cached features to a trained <see cref="Mentor.Heads.ClassifierHead"/> (whose export and reader live in the inference
/// library, <c>src/Mentor/Heads/&lt;Kind&gt;/</c>).
/// </summary>
public interface IHeadKind
{
    /// <summary>The registered name; the fitted head's <see cref="Mentor.Heads.ClassifierHead.Kind"/>.</summary>
    string Name { get; }

    /// <summary>One line saying what the head is and when to use it.</summary>
    string Description { get; }

    /// <summary>Fits the head on <paramref name="data"/>.</summary>
    /// <exception cref="TrainingDataException">The data cannot be learnt from; the message names the fix.</exception>
    FittedHead Fit(HeadTrainingData data);
}
