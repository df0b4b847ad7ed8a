namespace Mentor.Training;

/// <summary>Fine-tuning asked for together with options it cannot honour: an int8 backbone or a head other than the logistic one.</summary>
/// <param name="int8">Whether an int8 backbone was asked for too.</param>
/// <param name="head">The head kind asked for; anything but <c>logistic</c> conflicts.</param>
public sealed class FineTuneConflictException(bool int8, string head)
    : TrainingDataException($"fine-tuning trains a logistic head on the fp32 backbone, so it cannot go with {Conflicts(int8, head)}; fine-tune with the logistic head, then quantise the fine-tuned model.")
{
    /// <summary>The int8 backbone was asked for.</summary>
    public bool Int8 { get; } = int8;

    /// <summary>The head kind asked for.</summary>
    public string Head { get; } = head;

    private static string Conflicts(bool int8, string head) =>
        string.Join(" or ", new[] { int8 ? "the int8 backbone" : null, head != Heads.HeadRegistry.DefaultName ? $"a {head} head" : null }.OfType<string>());
}
